"""The client-script contract (e2e/clients/README.md) for the Python scenarios.

A scenario is one process: settings arrive in the environment, the network is pointed at Devportal
by HTTPS_PROXY + REQUESTS_CA_BUNDLE only, and the script talks JSON lines: `{"open": url}` out
when it needs consent, one `{"callback": url}` or `{"pin": code}` back on stdin, then
`{"step": name, "ok": true, ...}` per step and `{"done": true}`; on an error
`{"step": name, "ok": false, "error": ...}` and a non-zero exit.
"""

import json
import logging
import os
import sys
import urllib.parse
from contextlib import contextmanager

if os.environ.get("CLIENT_DEBUG"):
    # Every library logs what it sends and what it got back at DEBUG; stderr is the harness's log.
    logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)


def setting(name):
    """One setting from the environment; a missing one fails the scenario as step "env"."""
    value = os.environ.get(name)
    if not value:
        emit({"step": "env", "ok": False, "error": f"{name} is not set"})
        sys.exit(2)
    return value


def emit(message):
    print(json.dumps(message), flush=True)


def ask_consent(url):
    """Ask the harness to consent at `url` (as the library built it); returns its one-line answer."""
    emit({"open": url})
    line = sys.stdin.readline()
    if not line:
        raise RuntimeError("stdin closed before the consent answer arrived")
    answer = json.loads(line)
    if "error" in answer:
        raise RuntimeError(f"the harness could not get through the consent: {answer['error']}")
    return answer


def consent_callback(url):
    """Consent at `url`; returns the callback URL the browser was sent to."""
    with step("consent") as facts:
        answer = ask_consent(url)
        check("callback" in answer, f"expected a callback from the consent, got {answer!r}")
        facts["callback"] = answer["callback"]
    return answer["callback"]


def consent_pin(url):
    """Consent at `url` for an `oob` request token; returns the PIN the page showed."""
    with step("consent") as facts:
        answer = ask_consent(url)
        check("pin" in answer, f"expected a PIN from the consent, got {answer!r}")
        pin = answer["pin"]
        check(pin.isdigit() and len(pin) == 7, f"unexpected PIN {pin!r}")
        facts["pin_digits"] = len(pin)
    return pin


def query_of(url):
    """The query parameters of a callback URL, one value each."""
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))


def allow_http_callback(callback_url):
    """oauthlib refuses an http:// redirect URI unless told otherwise; a developer testing with an
    http://127.0.0.1 callback sets this variable, as oauthlib's own error message tells them to."""
    if callback_url.startswith("http://"):
        os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def describe(error):
    """An error as text, with the HTTP exchange when the library kept it (tweepy, requests, authlib)."""
    text = f"{type(error).__name__}: {error}"
    for attr in ("error", "description"):
        value = getattr(error, attr, None)
        if value and str(value) not in text:
            text += f" [{attr}={value}]"
    response = getattr(error, "response", None)
    if response is not None and hasattr(response, "status_code"):
        request = response.request
        text += (
            f"\n-> {request.method} {request.url}\n   headers: {dict(request.headers)}\n   body: {request.body!r}"
            f"\n<- {response.status_code} {dict(response.headers)}\n   body: {response.text[:2000]}"
        )
    return text


@contextmanager
def step(name):
    """Run one step: yields a dict for the facts to report; reports ok or the error and exits."""
    facts = {}
    try:
        yield facts
    except Exception as error:  # every failure is reported the same way, then the process ends
        emit({"step": name, "ok": False, "error": describe(error)})
        sys.exit(1)
    emit({"step": name, "ok": True, **facts})


def skip(name, reason):
    """A step the library cannot do: reported so the spec can show it, never counted as a pass."""
    emit({"step": name, "ok": True, "skipped": reason})


def run(scenarios):
    """Run the scenario named by argv[1] from `scenarios` (name -> function), then report done."""
    name = sys.argv[1] if len(sys.argv) > 1 else ""
    if name not in scenarios:
        emit({"step": "scenario", "ok": False, "error": f"unknown scenario {name!r}; known: {sorted(scenarios)}"})
        sys.exit(2)
    scenarios[name]()
    emit({"done": True})


def expect_refused(name, call, error_code):
    """A step that must fail with the OAuth error `error_code` (e.g. a rotated refresh token)."""
    with step(name) as facts:
        try:
            call()
        except Exception as error:  # the library's own exception type differs per library
            code = getattr(error, "error", None)
            text = describe(error)
            check(code == error_code or error_code in text, f"expected {error_code}, got {text}")
            facts["refused"] = code or error_code
            return
        raise AssertionError(f"expected the server to refuse with {error_code}, but the call succeeded")
