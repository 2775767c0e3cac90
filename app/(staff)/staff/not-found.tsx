import Link from "next/link";

// A staff page that does not exist, or one this staff member may not open: the same answer.
export default function StaffNotFound() {
  return (
    <div className="max-w-xl py-10">
      <p className="font-semibold text-teal-700">404</p>
      <h1 className="mt-2 text-3xl font-semibold text-teal-800">Not found</h1>
      <p className="mt-3 text-muted">There is nothing here, or it isn&apos;t one of yours.</p>
      <Link href="/staff" className="mt-6 inline-flex min-h-11 items-center font-semibold text-teal-800 underline">
        Back to the schedule
      </Link>
    </div>
  );
}
