"""The query syntax CKAN clients send, through ckanapi over HTTP against a live portal."""

from __future__ import annotations

import ckanapi
import pytest

from opendata.clients import RemoteCatalogue


def _names(result: dict) -> list[str]:
    return sorted(d["name"] for d in result["results"])


@pytest.mark.django_db(transaction=True)
def test_grouping_wildcards_ranges_and_unlimited_facets(live_server, small_catalogue) -> None:
    search = ckanapi.RemoteCKAN(live_server.url).action.package_search
    every = ["aer-urban", "aeroport-zboruri", "linii-autobuz"]

    assert _names(search(fq="organization:(mediu OR transport)")) == every
    assert _names(search(fq="organization:(transport)")) == ["aeroport-zboruri", "linii-autobuz"]
    assert _names(search(fq="tags:(aer OR bus)")) == ["aer-urban", "linii-autobuz"]
    assert _names(search(fq="-tags:(aer OR bus)")) == ["aeroport-zboruri"]
    assert _names(search(fq="organization:(transport) AND tags:(zbor)")) == ["aeroport-zboruri"]

    assert _names(search(q="aer*")) == ["aer-urban", "aeroport-zboruri"]
    assert _names(search(q="tags:zb*")) == ["aeroport-zboruri"]
    assert _names(search(q="name:aer*")) == ["aer-urban", "aeroport-zboruri"]

    assert _names(search(fq="num_resources:[1 TO *]")) == ["aer-urban", "aeroport-zboruri"]
    assert _names(search(fq="num_resources:[2 TO *]")) == ["aer-urban"]
    assert _names(search(fq="num_resources:[* TO 1]")) == ["aeroport-zboruri", "linii-autobuz"]
    assert _names(search(fq="num_resources:0")) == ["linii-autobuz"]

    assert search(q="*:*")["count"] == 3 and search(q="*:*", fq="*:*")["count"] == 3

    unlimited = search(**{"facet.field": ["tags"], "facet.limit": -1})
    assert unlimited["facets"]["tags"] == {"aer": 1, "bus": 1, "zbor": 1}
    assert len(search(**{"facet.field": ["tags"], "facet.limit": 1})["facets"]["tags"]) == 1

    with pytest.raises(ckanapi.SearchQueryError):
        search(fq="tags:(aer OR")
    with pytest.raises(ckanapi.SearchQueryError):
        search(fq="num_resources:[one TO *]")


@pytest.mark.django_db(transaction=True)
def test_the_sync_clients_organization_filter_finds_their_datasets(live_server, small_catalogue) -> None:
    remote = RemoteCatalogue(live_server.url)
    assert sorted(d["name"] for d in remote.datasets(organizations=["transport"])) == [
        "aeroport-zboruri",
        "linii-autobuz",
    ]
    assert [d["name"] for d in remote.datasets(organizations=["mediu", "nobody"], page=1)] == ["aer-urban"]


@pytest.mark.django_db(transaction=True)
def test_filter_lists_relevance_hints_and_leading_wildcards(live_server, small_catalogue) -> None:
    search = ckanapi.RemoteCKAN(live_server.url).action.package_search

    assert _names(search(fq_list=["organization:transport", "tags:zbor"])) == ["aeroport-zboruri"]
    assert _names(search(fq="num_resources:[1 TO *]", fq_list=["-tags:aer"])) == ["aeroport-zboruri"]
    assert _names(search(fq_list=["organization:transport"], fq="organization:mediu")) == []

    # Boosts, proximity and fuzziness rank in Solr; they do not narrow what matches.
    assert _names(search(q="zboruri^2")) == _names(search(q="zboruri")) == ["aeroport-zboruri"]
    assert _names(search(q='"aer urban"~2')) == ["aer-urban"]
    assert _names(search(q='title:"aer urban"^1.5')) == ["aer-urban"]
    assert _names(search(q="linii~1")) == ["linii-autobuz"]

    assert _names(search(q="*oruri")) == ["aeroport-zboruri"]
    assert _names(search(q="a?r")) == ["aer-urban"]  # free text, as written: not "aeroport"
    assert _names(search(q="zb*ri")) == ["aeroport-zboruri"]
    assert _names(search(q="name:*autobuz")) == ["linii-autobuz"]
    assert _names(search(q="tags:*bo*")) == ["aeroport-zboruri"]
    assert _names(search(q="name:a?r-*")) == ["aer-urban"]
    assert _names(search(q="name:*-zbor?ri")) == ["aeroport-zboruri"]
    assert _names(search(fq="organization:tr*rt")) == ["aeroport-zboruri", "linii-autobuz"]
    assert _names(search(fq="name:a?r")) == []
    with pytest.raises(ckanapi.SearchQueryError):
        search(fq_list=["tags:(aer OR"])


@pytest.mark.django_db(transaction=True)
def test_field_lists_and_facet_mincount(live_server, small_catalogue) -> None:
    search = ckanapi.RemoteCKAN(live_server.url).action.package_search

    slim = search(fl="id,name,metadata_modified,nosuch", sort="name asc")
    assert [sorted(d) for d in slim["results"]] == [["id", "metadata_modified", "name"]] * 3
    assert [d["id"] for d in slim["results"]] == [
        small_catalogue[name] for name in ("aer-urban", "aeroport-zboruri", "linii-autobuz")
    ]
    assert [sorted(d) for d in search(fl=["name"])["results"]] == [["name"]] * 3
    assert "resources" in search(fl="*")["results"][0]

    counted = search(**{"facet.field": ["organization", "res_format"], "facet.mincount": 2})
    assert counted["facets"] == {"organization": {"transport": 2}, "res_format": {"CSV": 2}}
    assert [i["name"] for i in counted["search_facets"]["organization"]["items"]] == ["transport"]
