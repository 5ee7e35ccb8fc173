"""The finance desk's list of grants: one page at a time (constant queries with one grant
and with many), the status filter kept from page to page, both languages."""

import re

import pytest
from django.urls import reverse

from pitchday.enums import GrantStatus
from pitchday.selectors import grants as selectors
from tests.factories.pitchday import make_fund, make_grant

pytestmark = pytest.mark.django_db

URL = reverse("pitchday:desk_grants")


def _references(response) -> list[str]:
    return re.findall(r'href="/es/pitch/gestion/subvenciones/([^/"]+)/"', response.content.decode())


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(selectors, "DESK_GRANTS_PER_PAGE", 2)


def test_desk_grants_list_shows_one_page_newest_first(client_for, finance_user, small_pages):
    fund = make_fund()
    grants = [make_grant(fund=fund) for _ in range(3)]
    client = client_for(finance_user)
    first = client.get(URL)
    second = client.get(URL, {"page": 2})
    assert _references(first) == [grants[2].reference, grants[1].reference]
    assert _references(second) == [grants[0].reference]
    assert "Página 1 de 2" in first.content.decode()
    assert 'href="?page=2" rel="next"' in first.content.decode()
    assert 'href="?page=1" rel="prev"' in second.content.decode()


def test_desk_grants_list_page_out_of_range_shows_the_last(client_for, finance_user, small_pages):
    fund = make_fund()
    grants = [make_grant(fund=fund) for _ in range(3)]
    response = client_for(finance_user).get(URL, {"page": 99})
    assert _references(response) == [grants[0].reference]


def test_desk_grants_list_keeps_the_status_filter_between_pages(
    client_for, finance_user, small_pages
):
    fund = make_fund()
    offered = [make_grant(fund=fund) for _ in range(3)]
    make_grant(fund=fund, offer=False)  # a draft: filtered out
    response = client_for(finance_user).get(URL, {"status": GrantStatus.OFFERED})
    assert _references(response) == [offered[2].reference, offered[1].reference]
    assert 'href="?status=offered&amp;page=2" rel="next"' in response.content.decode()


def test_desk_grants_list_single_page_has_no_pagination(client_for, finance_user):
    make_grant()
    response = client_for(finance_user).get(URL)
    assert len(_references(response)) == 1
    assert 'class="pagination"' not in response.content.decode()


def test_desk_grants_list_query_count_is_constant(
    client_for, finance_user, small_pages, django_assert_num_queries
):
    client = client_for(finance_user)
    fund = make_fund()
    make_grant(fund=fund)
    client.get(URL)  # warm: the bell's unread count is cached after a first page
    with django_assert_num_queries(8) as one:  # session, person, roles, bell, count, page
        client.get(URL)
    for _ in range(4):
        make_grant(fund=fund)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(URL, {"page": 2})
    assert len(_references(response)) == 2


def test_desk_grants_list_in_english(client_for, finance_user, small_pages):
    fund = make_fund()
    for _ in range(3):
        make_grant(fund=fund)
    response = client_for(finance_user).get(URL.replace("/es/", "/en/", 1))
    text = response.content.decode()
    assert "Page 1 of 2" in text
    assert "Next page" in text
