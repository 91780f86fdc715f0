import { EmptyState } from "@/components/ui/empty-state";

export default function AppDetailsPage() {
  return <EmptyState title="App details">This section is being built.</EmptyState>;
}
