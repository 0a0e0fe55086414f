"""Countries and states (cassettes/geography/, geography.v2 examples)."""
from __future__ import annotations

from bigcommerce.api import BigcommerceApi
from bigcommerce.resources import Countries, CountryStates, States
from tests.conftest import replay


def test_countries_list_and_get_keep_the_states_link_as_data(api: BigcommerceApi) -> None:
    with replay.use_cassette("geography/countries.yaml") as cassette:
        countries = api.Countries.all()
        afghanistan = api.Countries.get(1)
    assert cassette.all_played
    assert [c.country_iso3 for c in countries] == ["AFG", "ALB"]
    assert isinstance(afghanistan, Countries)
    assert afghanistan.country == afghanistan["country"] == "Afghanistan"
    assert afghanistan["states"]["resource"] == "/countries/1/states"
    assert callable(afghanistan.states)


def test_countries_filter_by_iso2(api: BigcommerceApi) -> None:
    with replay.use_cassette("geography/country_by_iso2.yaml") as cassette:
        (us,) = api.Countries.all(country_iso2="US")
    assert cassette.all_played
    assert us.id == 226


def test_countries_count(api: BigcommerceApi) -> None:
    with replay.use_cassette("geography/countries_count.yaml") as cassette:
        assert api.Countries.count() == 241
    assert cassette.all_played


def test_country_states_helper_lists_and_gets_the_states_of_a_country(api: BigcommerceApi) -> None:
    with replay.use_cassette("geography/country_states_helper.yaml") as cassette:
        us = api.Countries.get(226)
        states = us.states()
        alaska = us.states(2)
    assert cassette.all_played
    assert [s.state_abbreviation for s in states] == ["AL", "AK", "AS"]
    assert all(isinstance(s, CountryStates) and s.country_id == 226 for s in states)
    assert isinstance(alaska, CountryStates) and alaska.state == "Alaska"


def test_country_states_get_one_by_country_and_id(api: BigcommerceApi) -> None:
    with replay.use_cassette("geography/country_states_get.yaml") as cassette:
        act = api.CountryStates.get(13, 208)
    assert cassette.all_played
    assert isinstance(act, CountryStates)
    assert act.state == "Australian Capital Territory"


def test_country_states_filter_by_abbreviation(api: BigcommerceApi) -> None:
    with replay.use_cassette("geography/country_states_filter.yaml") as cassette:
        (alaska,) = api.CountryStates.all(226, state_abbreviation="AK")
    assert cassette.all_played
    assert alaska.id == 2


def test_country_states_count_without_a_country_is_store_wide(api: BigcommerceApi) -> None:
    with replay.use_cassette("geography/country_states_count_store_wide.yaml") as cassette:
        assert api.CountryStates.count() == 241
    assert cassette.all_played


def test_country_states_count_per_country(api: BigcommerceApi) -> None:
    with replay.use_cassette("geography/country_states_count_per_country.yaml") as cassette:
        assert api.CountryStates.count(226) == 65
    assert cassette.all_played


def test_states_of_all_countries_list_and_count(api: BigcommerceApi) -> None:
    with replay.use_cassette("geography/states.yaml") as cassette:
        (act,) = api.States.all(limit=1)
    assert cassette.all_played
    assert isinstance(act, States) and act.country_id == 13
    with replay.use_cassette("geography/states_count.yaml") as cassette:
        assert api.States.count() == 241
    assert cassette.all_played


def test_country_states_without_a_country_lists_every_state_as_the_old_client_did(api: BigcommerceApi) -> None:
    with replay.use_cassette("geography/states.yaml") as cassette:
        (act,) = api.CountryStates.all(limit=1)
    assert cassette.all_played
    assert isinstance(act, CountryStates) and act.country_id == 13
    assert act.parent_id() == 13
