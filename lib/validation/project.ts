import { z } from "zod";
import { idSchema, versionSchema } from "./app";

/** "Which best describes your Project?" — X's list of use cases. */
export const PROJECT_USE_CASES = [
  { value: "making-a-bot", label: "Making a bot" },
  { value: "exploring-the-api", label: "Exploring the API" },
  { value: "academic-research", label: "Academic research" },
  { value: "building-tools-for-x-users", label: "Building tools for X users" },
  { value: "building-b2b-products", label: "Building B2B products" },
  { value: "in-house-solutions", label: "Building customized solutions in-house" },
  { value: "student", label: "Student or teaching" },
  { value: "other", label: "Something else" },
] as const;
export type ProjectUseCase = (typeof PROJECT_USE_CASES)[number]["value"];

const USE_CASE_VALUES = PROJECT_USE_CASES.map((u) => u.value) as [ProjectUseCase, ...ProjectUseCase[]];

/** The label of a stored use case; Projects from before the list keep their free text. */
export const projectUseCaseLabel = (value: string): string => PROJECT_USE_CASES.find((u) => u.value === value)?.label ?? value;
export const isProjectUseCase = (value: string): value is ProjectUseCase => USE_CASE_VALUES.includes(value as ProjectUseCase);

export const projectFieldsSchema = z.object({
  name: z.string().trim().min(1, "Enter a Project name").max(64, "Project names can have at most 64 characters"),
  useCase: z.enum(USE_CASE_VALUES, { error: "Choose the use case that fits best" }),
  description: z.string().trim().min(1, "Describe your Project").max(500, "Descriptions can have at most 500 characters"),
});
export type ProjectFields = z.infer<typeof projectFieldsSchema>;

export const createProjectSchema = projectFieldsSchema.extend({ accountId: idSchema });
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

/** A save of the Project form: the version it was opened with and only the fields the user changed. */
export const updateProjectSchema = projectFieldsSchema.partial().extend({ projectId: idSchema, version: versionSchema });
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;

export const projectIdSchema = z.object({ projectId: idSchema });

export const attachAppSchema = z.object({ appId: idSchema, projectId: idSchema });
export type AttachAppInput = z.infer<typeof attachAppSchema>;
