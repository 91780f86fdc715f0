import type { Permission } from "@/lib/validation/enums";

/** What an OAuth 1.0a token at each access level lets the App do, in the words of X's consent screen. */
const READ = [
  "See Posts from your timeline (including protected Posts) as well as your Lists and collections.",
  "See your profile information and account settings.",
  "See accounts you follow, mute and block.",
];
const WRITE = [
  "Follow and unfollow accounts for you.",
  "Update your profile and account settings.",
  "Post and delete Posts for you, and engage with Posts created by others (Like, un-Like, or reply to a Post, Repost, etc.) for you.",
  "Create, manage and delete Lists and collections for you.",
  "Mute, block and report accounts for you.",
];
const DIRECT_MESSAGES = ["Send Direct Messages for you and read, manage, and delete your Direct Messages."];
const EMAIL = "See your e-mail address.";

export function willBeAbleTo(level: Permission, requestEmail: boolean): string[] {
  const list = [...READ];
  if (level !== "read") list.push(...WRITE);
  if (level === "read-write-directmessages") list.push(...DIRECT_MESSAGES);
  if (requestEmail) list.push(EMAIL);
  return list;
}

export function willNotBeAbleTo(level: Permission, platformName: string): string[] {
  const list = [`See your ${platformName} password.`];
  if (level === "read") list.push("Post, follow or change anything for you.");
  if (level !== "read-write-directmessages") list.push("Read or send your Direct Messages.");
  return list;
}

export const LEVEL_LABEL: Record<Permission, string> = {
  read: "Read",
  "read-write": "Read and write",
  "read-write-directmessages": "Read and write and Direct message",
};
