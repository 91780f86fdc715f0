/** The labels users see for an App's fields: in forms, in the stale-save notice and in Activity. */
export const APP_FIELD_LABELS: Record<string, string> = {
  name: "App name",
  description: "App description",
  websiteUrl: "Website URL",
  callbackUrls: "Callback URLs",
  termsUrl: "Terms of service URL",
  privacyUrl: "Privacy policy URL",
  organizationName: "Organization name",
  organizationUrl: "Organization URL",
  useCase: "Purpose / use case",
  oauth1Enabled: "OAuth 1.0a",
  oauth2Enabled: "OAuth 2.0",
  permission: "App permissions",
  requestEmail: "Request email from users",
  appType: "Type of App",
  signInWithX: "Sign in with X",
};

export const PROJECT_FIELD_LABELS: Record<string, string> = {
  name: "Project name",
  useCase: "Use case",
  description: "Description",
};
