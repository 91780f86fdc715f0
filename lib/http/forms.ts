export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

/** Whether a Content-Type header names a form body (`application/x-www-form-urlencoded`, any parameters, any case). */
export const isFormContentType = (contentType: string | null | undefined): boolean =>
  (contentType ?? "").split(";")[0]!.trim().toLowerCase() === FORM_CONTENT_TYPE;
