/**
 * Process lifecycle flags shared by both request paths (on globalThis: Next's server bundle holds
 * its own copy of this module). Draining = shutdown started: answer what is in flight, take no more.
 */
const state = globalThis as unknown as { devportalDraining?: boolean };

export const isDraining = (): boolean => state.devportalDraining === true;

export function startDraining(): void {
  state.devportalDraining = true;
}
