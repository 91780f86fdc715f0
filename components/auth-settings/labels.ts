import type { AppType, Permission } from "@/lib/validation/enums";

/** App permissions (OAuth 1.0a), in the product text's words; one wording wherever a level is named. */
export const PERMISSION_OPTIONS: { value: Permission; label: string; description: string }[] = [
  {
    value: "read",
    label: "Read",
    description:
      "Read X resources, such as a user's Tweets, home timeline and profile information. No access to Direct Messages, and no changes to anything.",
  },
  {
    value: "read-write",
    label: "Read and write",
    description:
      "Everything Read allows, plus posting Tweets, following users, updating a user's profile information and hiding replies on their behalf. No access to Direct Messages (read, write or delete).",
  },
  {
    value: "read-write-directmessages",
    label: "Read, write and Direct Messages",
    description: "All of the above, plus reading, writing and deleting Direct Messages on behalf of a user.",
  },
];

export const permissionLevel = (p: Permission) => PERMISSION_OPTIONS.find((o) => o.value === p)!.label;

export const APP_TYPE_GROUPS: { title: string; description: string; types: { value: AppType; label: string }[] }[] = [
  {
    title: "Public clients",
    description: "Apps that usually run in a browser or on a mobile device. They cannot keep a client secret safe, so they get none.",
    types: [
      { value: "native", label: "Native App" },
      { value: "spa", label: "Single page App" },
    ],
  },
  {
    title: "Confidential clients",
    description: "Apps that authenticate securely with the authorization server and keep your client secret safe. You get a Client Secret.",
    types: [
      { value: "web", label: "Web App" },
      { value: "bot", label: "Automated App or bot" },
    ],
  },
];

export const appTypeLabel = (t: AppType) => APP_TYPE_GROUPS.flatMap((g) => g.types).find((x) => x.value === t)!.label;
