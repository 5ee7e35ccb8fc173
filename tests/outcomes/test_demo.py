from outcomes import demo
from outcomes.models import Alumnus, Response
from semilla.reporting.outcomes import build_outcomes
from semilla.reporting.selectors import Filters


def test_demo_answers_show_change_and_seeding_twice_adds_nothing(db):
    demo.seed()
    count = Response.objects.count()
    demo.seed()
    assert Response.objects.count() == count
    report = build_outcomes(Filters.default(), breakdown="sex", after_wave="end", suppress=True)
    by_key = {item.measure.key: item.total for item in report.items}
    assert by_key["operating"].before.suppressed is False
    assert by_key["new_jobs"].after.value > 0
    assert by_key["account"].after.value > by_key["account"].before.value
    assert Alumnus.objects.filter(listed=True).count() == 6
