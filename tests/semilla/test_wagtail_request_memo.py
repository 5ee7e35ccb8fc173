"""semilla.routing primes Wagtail's per-request memo (the attributes Wagtail documents as
where it caches the site, the route and the site root paths of a request). Wagtail has no
public setter for them, so the version is pinned (pyproject: wagtail==8.0.1) and this test
fails if a Wagtail upgrade stops reading any of the three attributes."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, Site


@pytest.mark.django_db  # a Page() looks up its content type once; the answers below do not
def test_wagtail_reads_the_request_attributes_routing_sets(django_assert_num_queries):
    request = RequestFactory().get("/es/aprende/")
    site, route, root_paths = object(), object(), ("root paths",)
    request._wagtail_site = site
    request._wagtail_route_for_request = route
    request._wagtail_cached_site_root_paths = root_paths
    page = Page()
    # no database: each answer comes from the attribute, as routing.prime() relies on
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is site
        assert Page.route_for_request(request, "/es/aprende/") is route
        assert page._get_site_root_paths(request) is root_paths
