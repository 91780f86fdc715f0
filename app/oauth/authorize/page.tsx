import { ConsentPage } from "../consent-page";

/** GET /oauth/authorize?oauth_token=… — always asks the user. */
export default function AuthorizePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <ConsentPage mode="authorize" searchParams={searchParams} />;
}
