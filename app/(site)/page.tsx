import { ButtonLink } from "@/components/ui/button";

export default function HomePage() {
  return (
    <section className="mx-auto max-w-6xl px-4 py-16">
      <h1 className="max-w-3xl text-4xl font-semibold text-teal-800 sm:text-5xl">Your calves are your second heart</h1>
      <p className="mt-4 max-w-2xl text-lg text-muted">
        Calf massage in Brooklyn, and clear guides to the muscle pump that carries blood back up your legs.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <ButtonLink href="/book">Book a calf massage</ButtonLink>
        <ButtonLink href="/learn" variant="secondary">
          Learn how it works
        </ButtonLink>
      </div>
    </section>
  );
}
