import { ConsentPage } from "../consent-page";

/** GET /oauth/authenticate?oauth_token=… — Sign in with X: no consent screen for an App already authorized. */
export default function AuthenticatePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <ConsentPage mode="authenticate" searchParams={searchParams} />;
}
