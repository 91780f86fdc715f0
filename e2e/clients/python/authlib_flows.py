"""authlib 1.2 (Debian python3-authlib), its requests integration used as its documentation shows.

The developer types X's URLs (api.x.com, x.com). Usage: python3 authlib_flows.py <scenario>.
"""

from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth1Session, OAuth2Session

from contract import (
    check,
    consent_callback,
    expect_refused,
    query_of,
    run,
    setting,
    step,
)

API = "https://api.x.com"
TOKEN_URL = f"{API}/2/oauth2/token"
SCOPES = "tweet.read tweet.write users.read offline.access"


def users_me(session, name="users_me"):
    with step(name) as facts:
        response = session.get(f"{API}/2/users/me")
        check(response.status_code == 200, f"{response.status_code} {response.text}")
        me = response.json()["data"]
        check(me["username"] == setting("USERNAME"), f"users/me answered {me!r}")
        facts["username"] = me["username"]
    return me


def oauth1():
    session = OAuth1Session(
        setting("CONSUMER_KEY"), setting("CONSUMER_SECRET"), redirect_uri=setting("CALLBACK_URL")
    )
    with step("request_token") as facts:
        request_token = session.fetch_request_token(f"{API}/oauth/request_token")
        facts["oauth_callback_confirmed"] = request_token.get("oauth_callback_confirmed")
    url = session.create_authorization_url(f"{API}/oauth/authorize")
    answer = consent_callback(url)

    with step("access_token") as facts:
        params = session.parse_authorization_response(answer)
        check(params["oauth_token"] == request_token["oauth_token"], f"callback {answer}")
        access = session.fetch_access_token(f"{API}/oauth/access_token")
        check(access.get("screen_name") == setting("USERNAME"), f"access token answer {access.get('screen_name')}")
        facts["user_id"] = access["user_id"]
    users_me(session)

    with step("verify_credentials") as facts:
        shown = session.get(f"{API}/1.1/account/verify_credentials.json")
        check(shown.status_code == 200 and shown.json()["screen_name"] == setting("USERNAME"), shown.text)
        facts["screen_name"] = shown.json()["screen_name"]


def oauth2(public=False):
    """The Web App with client_secret_basic, or (`public`) the Native App with auth method "none"
    (client_id in the body)."""
    method = "none" if public else "client_secret_basic"
    session = OAuth2Session(
        setting("PUBLIC_CLIENT_ID" if public else "CLIENT_ID"),
        None if public else setting("CLIENT_SECRET"),
        scope=SCOPES,
        redirect_uri=setting("CALLBACK_URL"),
        code_challenge_method="S256",
        token_endpoint_auth_method=method,
        revocation_endpoint_auth_method=method,
    )
    verifier = generate_token(48)
    url, state = session.create_authorization_url("https://x.com/i/oauth2/authorize", code_verifier=verifier)
    answer = consent_callback(url)

    with step("fetch_token") as facts:
        check(query_of(answer).get("state") == state, f"callback state {answer}")
        token = session.fetch_token(TOKEN_URL, authorization_response=answer, code_verifier=verifier)
        check(token.get("refresh_token") and token.get("expires_at"), f"token response {dict(token)!r}")
        check(set(token["scope"].split()) == set(SCOPES.split()), f"granted scope {token['scope']!r}")
        facts["expires_in"] = token.get("expires_in")
    users_me(session)

    with step("create_tweet") as facts:
        created = session.post(f"{API}/2/tweets", json={"text": f"Hello from authlib, {generate_token(8)}"})
        check(created.status_code == 201, f"{created.status_code} {created.text}")
        facts["id"] = created.json()["data"]["id"]

    old = dict(token)
    with step("refresh_token") as facts:
        fresh = session.refresh_token(TOKEN_URL)
        check(fresh["refresh_token"] != old["refresh_token"], "refresh did not rotate the refresh token")
        check(fresh["access_token"] != old["access_token"], "refresh answered the same access token")
        facts["rotated"] = True
    users_me(session, "users_me_after_refresh")

    revoke_url = f"{API}/2/oauth2/revoke"
    with step("revoke_access_token") as facts:
        revoked = session.revoke_token(revoke_url, token=fresh["access_token"], token_type_hint="access_token")
        check(revoked.status_code == 200 and revoked.json().get("revoked") is True, f"{revoked.status_code} {revoked.text}")
        after = session.get(f"{API}/2/users/me")
        check(after.status_code == 401, f"users/me after revoke: {after.status_code} {after.text}")
        facts["users_me_after"] = after.status_code
    with step("revoke_refresh_token") as facts:
        revoked = session.revoke_token(revoke_url, token=fresh["refresh_token"], token_type_hint="refresh_token")
        check(revoked.status_code == 200 and revoked.json().get("revoked") is True, f"{revoked.status_code} {revoked.text}")
        facts["revoked"] = True
    # X answers a spent or revoked refresh token with invalid_request "Value passed for the token was invalid."
    expect_refused(
        "revoked_refresh_token_refused",
        lambda: session.refresh_token(TOKEN_URL, refresh_token=fresh["refresh_token"]),
        "invalid_request",
    )

if __name__ == "__main__":
    run({"oauth1": oauth1, "oauth2-pkce-s256": oauth2, "oauth2-pkce-public": lambda: oauth2(public=True)})
