/** Sidebar navigation, as data. `match` marks the item active for nested paths too. */
export interface NavItem {
  label: string;
  href: string;
  match: string[];
  icon: "home" | "grid" | "user";
}

export const NAV_ITEMS: NavItem[] = [
  { label: "Dashboard", href: "/dashboard", match: ["/dashboard"], icon: "home" },
  { label: "Projects & Apps", href: "/projects", match: ["/projects", "/apps"], icon: "grid" },
  { label: "Account settings", href: "/settings/account", match: ["/settings"], icon: "user" },
];
