import type { IconName } from "./icons";

/** Sidebar navigation, as data. `match` marks the item active for nested paths too. */
export interface NavItem {
  label: string;
  href: string;
  match: string[];
  icon: IconName;
  /** Shown only to the portal's operator. */
  operatorOnly?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { label: "Dashboard", href: "/dashboard", match: ["/dashboard"], icon: "home" },
  { label: "Projects & Apps", href: "/projects", match: ["/projects", "/apps"], icon: "grid" },
  { label: "Teams", href: "/teams", match: ["/teams"], icon: "users" },
  { label: "Connected apps", href: "/settings/connected-apps", match: ["/settings/connected-apps"], icon: "link" },
  { label: "Account settings", href: "/settings/account", match: ["/settings/account"], icon: "user" },
  { label: "Operator console", href: "/admin", match: ["/admin"], icon: "shield", operatorOnly: true },
];
