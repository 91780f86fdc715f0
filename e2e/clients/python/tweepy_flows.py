"""tweepy 4.12 (Debian python3-tweepy), used as its documentation shows, against X's real URLs.

tweepy builds every URL itself: api.twitter.com for OAuth 1.0a, v2 and v1.1, twitter.com for the
OAuth 2.0 consent page. Usage: python3 tweepy_flows.py <scenario>.
"""

import time

import tweepy

from contract import (
    allow_http_callback,
    check,
    consent_callback,
    consent_pin,
    expect_refused,
    query_of,
    run,
    setting,
    skip,
    step,
)

TOKEN_URL = "https://api.twitter.com/2/oauth2/token"
SCOPES = ["tweet.read", "tweet.write", "users.read", "dm.read", "dm.write", "offline.access"]


def oauth1_handler(callback):
    return tweepy.OAuth1UserHandler(setting("CONSUMER_KEY"), setting("CONSUMER_SECRET"), callback=callback)


def oauth1_access(handler, verifier):
    with step("access_token") as facts:
        token, secret = handler.get_access_token(verifier)
        check(token.split("-")[0].isdigit() and secret, f"unexpected access token {token!r}")
        facts["user_id"] = token.split("-")[0]
    return tweepy.Client(
        consumer_key=setting("CONSUMER_KEY"),
        consumer_secret=setting("CONSUMER_SECRET"),
        access_token=token,
        access_token_secret=secret,
    )


def oauth1_authorization_url(handler, signin_with_twitter=False):
    with step("authorization_url") as facts:
        url = handler.get_authorization_url(signin_with_twitter=signin_with_twitter)
        path = "/oauth/authenticate" if signin_with_twitter else "/oauth/authorize"
        check(url.startswith(f"https://api.twitter.com{path}?oauth_token="), f"unexpected URL {url}")
        facts["url"] = url
    return url


def oauth1_callback(handler, answer):
    """The verifier from the callback, as a tweepy app reads it from its request's query."""
    with step("callback") as facts:
        params = query_of(answer)
        check(params.get("oauth_token") == handler.request_token["oauth_token"], f"callback {answer}")
        check(params.get("oauth_verifier"), f"callback without oauth_verifier: {answer}")
        facts["has_verifier"] = True
    return params["oauth_verifier"]


def users_me(client, user_auth, name="users_me"):
    with step(name) as facts:
        me = client.get_me(user_auth=user_auth).data
        check(me.username == setting("USERNAME"), f"users/me answered @{me.username}, not @{setting('USERNAME')}")
        check(str(me.id) == setting("USER_ID"), f"users/me answered id {me.id}, not {setting('USER_ID')}")
        facts["username"] = me.username
        facts["id"] = me.id
    return me


def tweet_round_trip(client, user_auth):
    with step("create_tweet") as facts:
        text = f"Hello from tweepy {tweepy.__version__} at {time.time():.6f}"
        created = client.create_tweet(text=text, user_auth=user_auth).data
        check(created["text"] == text, f"create_tweet answered {created!r}")
        facts["id"] = created["id"]
    with step("read_tweet") as facts:
        read = client.get_tweet(created["id"], user_auth=user_auth).data
        check(read.id == int(created["id"]) and read.text == text, f"get_tweet answered {read!r}")
        facts["text"] = read.text


def oauth1_3legged():
    callback = setting("CALLBACK_URL")
    handler = oauth1_handler(callback)
    verifier = oauth1_callback(handler, consent_callback(oauth1_authorization_url(handler)))
    client = oauth1_access(handler, verifier)
    me = users_me(client, user_auth=True)
    tweet_round_trip(client, user_auth=True)

    with step("send_dm") as facts:
        recipient = client.get_user(username=setting("DM_RECIPIENT_USERNAME"), user_auth=True).data
        check(str(recipient.id) == setting("DM_RECIPIENT_ID"), f"get_user answered {recipient!r}")
        text = f"DM from tweepy at {time.time():.6f}"
        sent = client.create_direct_message(participant_id=recipient.id, text=text).data
        check(sent.get("dm_event_id") and sent.get("dm_conversation_id"), f"create_direct_message answered {sent!r}")
        facts["dm_event_id"] = sent["dm_event_id"]
    with step("read_dm_events") as facts:
        fields = ["id", "text", "sender_id", "dm_conversation_id", "created_at"]
        with_recipient = client.get_direct_message_events(participant_id=recipient.id, dm_event_fields=fields).data
        everyone = client.get_direct_message_events(dm_event_fields=fields).data
        for events, label in ((with_recipient, "with participant"), (everyone, "all")):
            mine = [e for e in events or [] if str(e.id) == str(sent["dm_event_id"])]
            check(mine and mine[0].text == text, f"dm_events ({label}) lacks the DM sent: {events!r}")
            check(str(mine[0].sender_id) == str(me.id), f"dm_events ({label}) sender {mine[0].sender_id}")
        facts["events"] = len(everyone)

    with step("verify_credentials") as facts:
        auth = tweepy.OAuth1UserHandler(
            setting("CONSUMER_KEY"), setting("CONSUMER_SECRET"), client.access_token, client.access_token_secret
        )
        user = tweepy.API(auth).verify_credentials()
        check(user.screen_name == setting("USERNAME") and user.id_str == str(me.id), f"verify_credentials: {user!r}")
        facts["screen_name"] = user.screen_name
    # tweepy 4.12 has no call for POST /1.1/oauth/invalidate_token (neither API nor Client);
    # requests_oauthlib_flows.py oauth1 covers invalidation with a signed POST.
    skip("invalidate_token", "tweepy 4.12 has no invalidate_token method")


def oauth1_pin():
    handler = oauth1_handler("oob")
    pin = consent_pin(oauth1_authorization_url(handler))
    users_me(oauth1_access(handler, pin), user_auth=True)


def oauth1_signin():
    handler = oauth1_handler(setting("CALLBACK_URL"))
    answer = consent_callback(oauth1_authorization_url(handler, signin_with_twitter=True))
    users_me(oauth1_access(handler, oauth1_callback(handler, answer)), user_auth=True)


def oauth2_pkce(public):
    """OAuth2UserHandler with the Web App (Basic + client_id in the body, as tweepy sends both) or,
    `public`, the Native App (client_id in the body only)."""
    callback = setting("CALLBACK_URL")
    allow_http_callback(callback)
    client_id = setting("PUBLIC_CLIENT_ID" if public else "CLIENT_ID")
    client_secret = None if public else setting("CLIENT_SECRET")
    handler = tweepy.OAuth2UserHandler(
        client_id=client_id, redirect_uri=callback, scope=SCOPES, client_secret=client_secret
    )
    with step("authorization_url") as facts:
        url = handler.get_authorization_url()
        params = query_of(url)
        check(url.startswith("https://twitter.com/i/oauth2/authorize?"), f"unexpected URL {url}")
        check(params.get("code_challenge_method") == "S256", f"unexpected URL {url}")
        facts["verifier_length"] = len(handler._client.code_verifier)  # 171: tweepy's token_urlsafe(128)
    answer = consent_callback(url)

    with step("fetch_token") as facts:
        token = handler.fetch_token(answer)
        check(token.get("access_token") and token.get("refresh_token"), f"token response {token!r}")
        check(set(token["scope"]) == set(SCOPES), f"granted scope {token['scope']!r}")
        facts["expires_in"] = token.get("expires_in")
    client = tweepy.Client(bearer_token=token["access_token"])
    users_me(client, user_auth=False)
    tweet_round_trip(client, user_auth=False)

    # OAuth2UserHandler is a requests_oauthlib OAuth2Session and has no refresh of its own: a tweepy
    # user calls its refresh_token() with the handler's Basic credentials (handler.auth) for a
    # confidential client, or client_id as a body parameter for a public one.
    credentials = {"client_id": client_id} if public else {"auth": handler.auth}
    old_refresh = token["refresh_token"]
    with step("refresh_token") as facts:
        fresh = handler.refresh_token(TOKEN_URL, refresh_token=old_refresh, **credentials)
        check(fresh["access_token"] != token["access_token"], "refresh answered the same access token")
        check(fresh["refresh_token"] != old_refresh, "refresh did not rotate the refresh token")
        facts["rotated"] = True
    users_me(tweepy.Client(bearer_token=fresh["access_token"]), user_auth=False, name="users_me_after_refresh")
    # X answers a spent or revoked refresh token with invalid_request "Value passed for the token was invalid."
    expect_refused(
        "old_refresh_token_refused",
        lambda: handler.refresh_token(TOKEN_URL, refresh_token=old_refresh, **credentials),
        "invalid_request",
    )
    # tweepy 4.12 (and requests-oauthlib 1.3 under it) has no revoke call;
    # authlib_flows.py covers POST /2/oauth2/revoke.
    skip("revoke_token", "tweepy 4.12 has no revoke method")


def app_only():
    with step("bearer_token") as facts:
        handler = tweepy.OAuth2AppHandler(setting("CONSUMER_KEY"), setting("CONSUMER_SECRET"))
        check(handler._bearer_token.startswith("AAAAAAAAAAAAAAAAAAAAA"), "bearer token format")
        facts["length"] = len(handler._bearer_token)
    client = tweepy.Client(bearer_token=handler._bearer_token)
    with step("user_by_username") as facts:
        user = client.get_user(username=setting("USERNAME")).data
        check(user.username == setting("USERNAME"), f"get_user answered {user!r}")
        facts["id"] = user.id
    with step("user_by_id") as facts:
        again = client.get_user(id=user.id).data
        check(again.username == user.username, f"get_user(id) answered {again!r}")
        facts["username"] = again.username
    with step("users_me_refused") as facts:
        try:
            client.get_me(user_auth=False)
        except tweepy.Forbidden as error:
            # X: users/me needs user context; app-only gets 403 unsupported-authentication.
            check(error.response.json().get("type", "").endswith("unsupported-authentication"), error.response.text)
            facts["status"] = error.response.status_code
        else:
            raise AssertionError("users/me answered an app-only bearer token")


if __name__ == "__main__":
    run(
        {
            "oauth1-3legged": oauth1_3legged,
            "oauth1-pin": oauth1_pin,
            "oauth1-signin": oauth1_signin,
            "oauth2-pkce": lambda: oauth2_pkce(public=False),
            "oauth2-pkce-public": lambda: oauth2_pkce(public=True),
            "app-only": app_only,
        }
    )
