import { redirect } from "next/navigation";

// Until roles exist, everyone starts at the roadmap.
export default function HomePage() {
  redirect("/frameworks");
}
