"""A restrictive Permissions-Policy on every response: camera, microphone, location and the like are off."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["home", "catalog:programme_list", "login", "healthz"])
def test_every_response_switches_off_the_features_the_site_does_not_use(client, name):
    policy = client.get(reverse(name))["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy
