"""Schemathesis against a live test server: every documented operation and parameter with generated values.

No answer may be a server error, every answer must match the schema, and an answer with an ETag asked for again
with If-None-Match must be a 304. Examples per operation are few (MAX_EXAMPLES) so the file runs in under a minute.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from catalog.models import Criterion, Programme, Verdict
from tests import factories

MAX_EXAMPLES = 12
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def api_schema(live_server, settings):
    settings.API_ANON_RATE = "100000/min"  # the fuzzer is one client sending many requests
    depression = factories.theme("Depressie")
    trimbos = factories.provider("Trimbos-instituut", website="https://www.trimbos.nl/")
    kleur = factories.programme(
        "Kleur je leven",
        themes=[depression],
        provider=trimbos,
        offers_guided=True,
        verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS},
    )
    kleur.resources.create(kind="manual", title="Handleiding", url="https://www.trimbos.nl/handleiding")
    factories.programme("Grip op je dip", themes=[depression], provider=trimbos, offers_guided=None)
    factories.programme("Oud", provider=trimbos, status=Programme.Status.WITHDRAWN)
    factories.programme("Concept", provider=trimbos, status=Programme.Status.DRAFT)
    return schemathesis.openapi.from_url(f"{live_server.url}/api/v1/schema/?format=json&lang=en")


def test_every_operation_conforms_to_the_schema(api_schema):
    # A loop rather than schemathesis' pytest plugin: its fixture mode does not run under this pytest version.
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 14
    for operation in operations:
        check_operation(operation)


def check_operation(operation):
    @given(case=operation.as_strategy())
    @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case):
        response = case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
        if response.status_code == 200 and "ETag" in response.headers:
            again = case.call(headers={"If-None-Match": response.headers["ETag"]})
            assert again.status_code == 304, f"{operation.label}: {again.status_code}"
            assert again.content == b""

    run()
