import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CenteredPage } from "@/components/ui/centered-page";
import { env } from "@/lib/config/env";

export const metadata: Metadata = { title: "Developer Agreement and Policy" };

const SECTIONS: Array<{ id: string; title: string; rules: string[] }> = [
  {
    id: "use",
    title: "Using the platform",
    rules: [
      "Use the API for the use case you described when you signed up for developer access and for each Project, and keep those descriptions up to date.",
      "Do not try to get around access levels, rate limits or suspensions, for example by spreading one use case over several Apps or accounts.",
    ],
  },
  {
    id: "keys",
    title: "Keys and tokens",
    rules: [
      "Keep your API Key Secret, Bearer Token, Access Token Secret and Client Secret secret: store them in a password manager or a secret store, never in code others can read.",
      "If a secret may have leaked, regenerate it at once on the App's Keys and tokens page.",
    ],
  },
  {
    id: "privacy",
    title: "People's data and privacy",
    rules: [
      "Ask only for the permissions your App needs, and act for a person only after they authorized your App.",
      "Respect what people chose: stop using their data when they revoke access, delete it when they ask, and keep protected posts and e-mail addresses private.",
      "Say in your privacy policy what you collect and why; an App that requests e-mail addresses must link its terms of service and privacy policy.",
    ],
  },
  {
    id: "automation",
    title: "Automation",
    rules: [
      "Label bot accounts with the automated-account label (Account settings → Automation) so people know who runs them.",
      "No spam: no bulk, duplicate or unsolicited posts, replies, mentions or Direct Messages, and no artificial engagement.",
    ],
  },
  {
    id: "enforcement",
    title: "Enforcement",
    rules: [
      "An App that breaks these rules may be suspended: its keys and tokens stop working, and its owner gets an \u201cApplication suspension notice\u201d e-mail with the reason and how to appeal.",
      "Repeated or serious violations can end developer access for the account.",
    ],
  },
];

/** The Developer Agreement and Policy every developer accepts when signing up for developer access. */
export default function DeveloperAgreementPage() {
  return (
    <CenteredPage width="lg">
      <Card>
        <h1 className="text-2xl font-bold">Developer Agreement and Policy</h1>
        <p className="mt-2 text-sm text-muted">
          The rules for building on {env.platformName}. You accept them when you sign up for developer access; they apply to every Project and App
          of your developer accounts, personal and team.
        </p>
        {SECTIONS.map((s, i) => (
          <section key={s.id} aria-labelledby={`agreement-${s.id}`} className="mt-6">
            <h2 id={`agreement-${s.id}`} className="text-lg font-bold">
              {i + 1}. {s.title}
            </h2>
            <ul className="mt-2 list-disc space-y-1.5 pl-5 text-sm">
              {s.rules.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </section>
        ))}
        <p className="mt-8 text-sm">
          <Link href="/dashboard" className="text-link">
            Back to the developer portal
          </Link>
        </p>
      </Card>
    </CenteredPage>
  );
}
