"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { attachApp, detachApp } from "@/lib/domain/app-placement";
import { createProject, deleteProject, updateProject } from "@/lib/domain/projects";
import { validatedAction } from "@/lib/server/action";
import { appIdSchema } from "@/lib/validation/app";
import { attachAppSchema, createProjectSchema, projectIdSchema, updateProjectSchema } from "@/lib/validation/project";

export const createProjectAction = validatedAction(createProjectSchema, ({ db, current, input }) => {
  const project = createProject(db, current.actor, input);
  redirect(`/projects/${project.id}?setup=1`);
});

export const updateProjectAction = validatedAction(updateProjectSchema, ({ db, current, input }) => {
  const { version } = updateProject(db, current.actor, input);
  revalidatePath(`/projects/${input.projectId}`);
  return { ok: true, message: "Project saved", data: { version } };
});

export const deleteProjectAction = validatedAction(projectIdSchema, ({ db, current, input }) => {
  deleteProject(db, current.actor, input.projectId);
  redirect("/dashboard");
});

export const attachAppAction = validatedAction(attachAppSchema, ({ db, current, input }) => {
  const app = attachApp(db, current.actor, input);
  revalidatePath("/dashboard");
  return { ok: true, message: `${app.name} is now in this Project` };
});

export const detachAppAction = validatedAction(appIdSchema, ({ db, current, input }) => {
  const app = detachApp(db, current.actor, input.appId);
  revalidatePath("/dashboard");
  return { ok: true, message: `${app.name} moved to Standalone Apps` };
});
