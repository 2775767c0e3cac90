// The demo clinic's starting catalogue: the demo seed writes it to the database, where staff manage
// it from then on. Only the seed (and tests that check content against it) read this list; pages
// read the catalogue from the database (lib/catalog). Prices are in minor units (cents).

export interface ServiceSeed {
  slug: string;
  name: string;
  summary: string;
  description: string;
  whoItHelps: string[];
  whatToExpect: string[];
  contraindications: string[];
  durationMinutes: number;
  priceCents: number;
  currency: "usd";
  bufferMinutes: number;
  aftercareSlug: string;
}

// Each service's own safety lines, labelled with the group they belong to (lib/catalog/safety.ts
// adds the guidance that holds for every treatment, so it is not repeated here).
export const DEMO_SERVICES: ServiceSeed[] = [
  {
    slug: "calf-reset-30",
    name: "Calf Reset",
    summary: "A focused half hour for tight, tired calves: ankles, calves and the back of the knee.",
    description:
      "A short, targeted session for calves that feel tight or tired from long days. Your therapist warms the lower leg with long strokes toward the knee, works through the two big calf muscles, and finishes with gentle ankle movement so the pump is moving again when you stand up.",
    whoItHelps: [
      "Desk workers with stiff lower legs",
      "People on their feet all day",
      "A first visit before a longer session",
    ],
    whatToExpect: [
      "A short health check and screening questions before you lie down",
      "Lower legs uncovered only; shorts are welcome",
      "Moderate pressure that you can change at any time",
    ],
    contraindications: [
      "Tell your therapist: Mention calves that cramp now and then, so we go gently at first.",
      "Get care now: Get medical care today, not a massage, for leg or foot pain at rest or at night that is not a passing cramp.",
    ],
    durationMinutes: 30,
    priceCents: 5500,
    currency: "usd",
    bufferMinutes: 10,
    aftercareSlug: "aftercare-calf-reset",
  },
  {
    slug: "second-heart-massage-60",
    name: "Second Heart Calf Massage",
    summary: "Our signature hour for the whole lower leg, with rhythmic strokes toward the heart.",
    description:
      "The full lower-leg treatment the clinic is named for. Feet, ankles, calves and the back of the knee are worked in turn, always stroking toward the heart, with kneading and slow compressions through the gastrocnemius and soleus, and a few minutes with the legs raised at the end.",
    whoItHelps: [
      "Legs that feel heavy at the end of the day",
      "People who sit or stand for long stretches",
      "Anyone who wants a thorough, unhurried leg treatment",
    ],
    whatToExpect: [
      "Screening questions and a short conversation about your legs",
      "Feet, ankles, calves and behind the knee, one leg at a time",
      "Legs raised for the last few minutes; a glass of water after",
    ],
    contraindications: [
      "Tell your therapist: Mention mild swelling in both ankles by evening, so we can raise your legs longer.",
      "Doctor's OK first: Get your doctor's go-ahead first if you have heart failure, or kidney or liver disease: this hour ends with your legs raised above your heart.",
    ],
    durationMinutes: 60,
    priceCents: 9500,
    currency: "usd",
    bufferMinutes: 15,
    aftercareSlug: "aftercare-second-heart-massage",
  },
  {
    slug: "lymphatic-drainage-legs",
    name: "Lymphatic Drainage for Heavy Legs",
    summary: "Very light, slow strokes for puffy, heavy-feeling legs, finished with the legs raised.",
    description:
      "A gentle technique that works just under the skin rather than deep in the muscle. We start with the area nearest your body and work section by section down toward the ankle, each slow stroke guiding fluid upward, then finish with your legs raised. Many clients find their legs feel lighter afterwards.",
    whoItHelps: [
      "Legs that swell a little by evening (once your doctor has checked why)",
      "Long days of standing or sitting",
      "People who prefer a very light touch",
    ],
    whatToExpect: [
      "A very light, almost stroking pressure: it is meant to feel gentle",
      "Quiet, slow rhythm; many people doze off",
      "Legs elevated at the end; you may need the bathroom afterwards",
    ],
    contraindications: [
      "Doctor's OK first: Get your doctor's go-ahead first if you have heart failure, or kidney or liver disease: this technique moves fluid toward the heart and ends with your legs raised.",
      "Get care now: See a doctor today for leg skin that is hot, red and spreading, or pus or a fever with it: it can be cellulitis, which needs treatment and can look like a clot.",
    ],
    durationMinutes: 60,
    priceCents: 10500,
    currency: "usd",
    bufferMinutes: 15,
    aftercareSlug: "aftercare-lymphatic-drainage",
  },
  {
    slug: "sports-recovery-calves",
    name: "Sports Recovery Calf Massage",
    summary: "Deeper calf work and stretching for runners, cyclists and court athletes.",
    description:
      "Firmer work for calves that train hard: the soleus and gastrocnemius, the Achilles area and the shin, combined with assisted stretching and advice on when to train again. Pressure stays within what you can breathe through.",
    whoItHelps: [
      "Runners and cyclists in a training block",
      "Court and field athletes",
      "The days after a race or long ride",
    ],
    whatToExpect: [
      "A quick chat about your training and any minor aches or injuries",
      "Firm pressure on a 1 to 10 scale you control",
      "Assisted stretches and a short return-to-training plan",
    ],
    contraindications: [
      "Get care now: See a doctor today after a pop or kick in the calf or Achilles, or if you can't stand on tiptoe on that leg.",
      "Get care now: Call 911 or go to an emergency room for severe, worsening pain in a tight, swollen calf after exercise.",
      "Tell your therapist: Tell us about a calf, ankle or Achilles injury in the last 6 weeks, including a bruise from a known knock or race: we work around it.",
    ],
    durationMinutes: 45,
    priceCents: 8000,
    currency: "usd",
    bufferMinutes: 15,
    aftercareSlug: "aftercare-sports-recovery",
  },
  {
    slug: "long-haul-legs",
    name: "Long-Haul Legs",
    summary: "Before or after a long flight or drive: calf work plus a take-home movement plan.",
    description:
      "Built for travelers and anyone whose legs sit still for hours. The session combines calf and ankle work with a simple plan of seat exercises and walking breaks you can use on your next trip or shift, practiced together before you leave.",
    whoItHelps: [
      "Frequent flyers and long-distance drivers",
      "Shift workers who stand or sit for hours",
      "Anyone preparing for a long trip",
    ],
    whatToExpect: [
      "Screening questions, including recent travel",
      "Calf, ankle and foot work with you lying down",
      "Ten minutes practicing your take-home movement plan",
    ],
    contraindications: [
      "Tell your therapist: Mention mild swelling in both ankles after a trip: it is common, and usually goes down overnight or with walking.",
      "Get care now: See a doctor today, not a massage, for swelling, pain, warmth or redness in one calf during or after a trip.",
    ],
    durationMinutes: 50,
    priceCents: 9000,
    currency: "usd",
    bufferMinutes: 10,
    aftercareSlug: "aftercare-long-haul-legs",
  },
];
