import { z } from "zod";
import { idSchema, versionSchema } from "./app";

export const projectFieldsSchema = z.object({
  name: z.string().trim().min(1, "Enter a Project name").max(64, "Project names can have at most 64 characters"),
  description: z.string().trim().max(500, "Descriptions can have at most 500 characters"),
  useCase: z.string().trim().min(1, "Describe the Project's use case").max(2000, "Use cases can have at most 2000 characters"),
});

export const createProjectSchema = projectFieldsSchema.extend({ accountId: idSchema });
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

/** A save of the Project form: the version it was opened with and only the fields the user changed. */
export const updateProjectSchema = projectFieldsSchema.partial().extend({ projectId: idSchema, version: versionSchema });
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;

export const projectIdSchema = z.object({ projectId: idSchema });

export const attachAppSchema = z.object({ appId: idSchema, projectId: idSchema });
export type AttachAppInput = z.infer<typeof attachAppSchema>;
