"""requests-oauthlib 1.3 (Debian python3-requests-oauthlib), used as its documentation shows.

The developer types X's URLs (api.x.com, x.com as X's docs give them today).
Usage: python3 requests_oauthlib_flows.py <scenario>.
"""

import base64
import hashlib
import secrets

from requests.auth import HTTPBasicAuth
from requests_oauthlib import OAuth1Session, OAuth2Session

from contract import (
    allow_http_callback,
    check,
    consent_callback,
    expect_refused,
    query_of,
    run,
    setting,
    step,
)

API = "https://api.x.com"
SCOPES = ["tweet.read", "users.read", "offline.access"]


def users_me(session, name="users_me"):
    with step(name) as facts:
        response = session.get(f"{API}/2/users/me")
        check(response.status_code == 200, f"{response.status_code} {response.text}")
        me = response.json()["data"]
        check(me["username"] == setting("USERNAME"), f"users/me answered {me!r}")
        facts["username"] = me["username"]
    return me


def oauth1():
    callback = setting("CALLBACK_URL")
    session = OAuth1Session(setting("CONSUMER_KEY"), client_secret=setting("CONSUMER_SECRET"), callback_uri=callback)
    with step("request_token") as facts:
        request_token = session.fetch_request_token(f"{API}/oauth/request_token")
        check(request_token.get("oauth_callback_confirmed") == "true", f"request token answer {request_token!r}")
        facts["oauth_callback_confirmed"] = True
    url = session.authorization_url(f"{API}/oauth/authorize")
    answer = consent_callback(url)

    with step("access_token") as facts:
        verifier = session.parse_authorization_response(answer)
        check(verifier["oauth_token"] == request_token["oauth_token"], f"callback {answer}")
        access = session.fetch_access_token(f"{API}/oauth/access_token")
        check(access.get("screen_name") == setting("USERNAME"), f"access token answer names {access.get('screen_name')}")
        facts["user_id"] = access["user_id"]
    # fetch_access_token leaves the session signing with the access token.
    users_me(session)

    with step("signed_post_tweet") as facts:
        text = f"Hello from requests-oauthlib, {secrets.token_hex(4)}"
        created = session.post(f"{API}/2/tweets", json={"text": text})
        check(created.status_code == 201, f"{created.status_code} {created.text}")
        tweet_id = created.json()["data"]["id"]
        read = session.get(f"{API}/2/tweets/{tweet_id}")
        check(read.status_code == 200 and read.json()["data"]["text"] == text, f"{read.status_code} {read.text}")
        facts["id"] = tweet_id

    with step("signed_get_with_query") as facts:
        # Query parameters enter the signature base string (RFC 5849 §3.4.1.3).
        shown = session.get(f"{API}/1.1/account/verify_credentials.json", params={"skip_status": "true"})
        check(shown.status_code == 200, f"{shown.status_code} {shown.text}")
        check(shown.json()["screen_name"] == setting("USERNAME"), shown.text)
        facts["screen_name"] = shown.json()["screen_name"]

    with step("invalidate_token") as facts:
        # A signed form POST: the body parameters enter the signature base string.
        dropped = session.post(
            f"{API}/1.1/oauth/invalidate_token",
            data={"access_token": access["oauth_token"], "access_token_secret": access["oauth_token_secret"]},
        )
        check(dropped.status_code == 200, f"{dropped.status_code} {dropped.text}")
        check(dropped.json().get("access_token") == access["oauth_token"], dropped.text)
        after = session.get(f"{API}/2/users/me")
        check(after.status_code == 401, f"users/me after invalidate: {after.status_code} {after.text}")
        facts["after"] = after.status_code


def pkce_pair(method):
    """requests-oauthlib 1.3 has no PKCE option (it came in 2.0): a 1.3 user makes the verifier and
    challenge and passes them as extra parameters, which authorization_url() and fetch_token() forward."""
    verifier = secrets.token_urlsafe(48)
    if method == "plain":
        return verifier, verifier
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def oauth2(method, public=False):
    """The Web App authenticates with Basic (client_secret without auth=: requests-oauthlib builds
    Basic client_id:client_secret); the Native App (`public`) sends client_id in the body."""
    callback = setting("CALLBACK_URL")
    allow_http_callback(callback)
    client_id = setting("PUBLIC_CLIENT_ID" if public else "CLIENT_ID")
    client_secret = None if public else setting("CLIENT_SECRET")
    session = OAuth2Session(client_id, redirect_uri=callback, scope=SCOPES)
    verifier, challenge = pkce_pair(method)
    url, state = session.authorization_url(
        "https://x.com/i/oauth2/authorize", code_challenge=challenge, code_challenge_method=method
    )
    answer = consent_callback(url)

    client_auth = {"include_client_id": True} if public else {"client_secret": client_secret}
    with step("fetch_token") as facts:
        check(query_of(answer).get("state") == state, f"callback state {answer}")
        token = session.fetch_token(
            f"{API}/2/oauth2/token", authorization_response=answer, code_verifier=verifier, **client_auth
        )
        check(token.get("refresh_token"), f"no refresh token in {token!r}")
        facts["token_type"] = token["token_type"]
    users_me(session)

    # refresh_token() adds no client authentication of its own: Basic via auth=, or client_id in the body.
    refresh_auth = {"client_id": client_id} if public else {"auth": HTTPBasicAuth(client_id, client_secret)}
    old = token["refresh_token"]
    with step("refresh_token") as facts:
        fresh = session.refresh_token(f"{API}/2/oauth2/token", refresh_token=old, **refresh_auth)
        check(fresh["refresh_token"] != old and fresh["access_token"] != token["access_token"], "no rotation")
        facts["rotated"] = True
    users_me(session, "users_me_after_refresh")
    # X answers a spent or revoked refresh token with invalid_request "Value passed for the token was invalid."
    expect_refused(
        "old_refresh_token_refused",
        lambda: session.refresh_token(f"{API}/2/oauth2/token", refresh_token=old, **refresh_auth),
        "invalid_request",
    )

if __name__ == "__main__":
    run(
        {
            "oauth1": oauth1,
            "oauth2-pkce-s256": lambda: oauth2("S256"),
            "oauth2-pkce-plain": lambda: oauth2("plain"),
            "oauth2-pkce-public": lambda: oauth2("S256", public=True),
        }
    )
