// The health questionnaire, as data: the one source of the clinic's screening rules. The booking
// page, the staff phone booking, the API, the service pages' safety lists and the articles' red-flag
// box all read this module, so a rule changes here once. It screens; it never diagnoses.

// Each answer has an outcome and the worst one wins; a stop holds nothing and charges nothing.
/** Most urgent first: the order decides which outcome wins. */
export const OUTCOMES = ["emergency", "same_day", "clearance", "reschedule", "caution"] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** The outcomes that stop an online booking (everything but `caution`). */
export type StopOutcome = Exclude<Outcome, "caution">;

export const CURRENT_QUESTIONNAIRE_VERSION = 2;

export interface FollowUp {
  id: string;
  text: string;
  help?: string;
  outcomes: { yes: Outcome; no: Outcome | "none" };
  /** Shown on the service pages' safety lists. */
  advice: string;
  /** For the red-flag box: the sign, in a few words, when `yes` is emergency or same_day. */
  sign?: string;
}

export interface Question {
  id: string;
  text: string;
  help?: string;
  outcomes: { yes: Outcome; no: Outcome | "none" };
  /** What the therapist checks when the answer is yes and the booking goes on. */
  caution?: string;
  /** Per-service outcome overrides, by service slug. */
  services?: Record<string, { yes: Outcome; advice: string }>;
  /** Asked only after a yes. */
  followUps?: FollowUp[];
  advice: string;
  sign?: string;
}

export interface Questionnaire {
  version: number;
  questions: Question[];
}

export interface OutcomeMessage {
  title: string;
  body: string;
}

/** What the client reads for each outcome. */
export const OUTCOME_MESSAGES: Record<Outcome, OutcomeMessage> = {
  emergency: {
    title: "Call 911 now",
    body: "What you describe can be a medical emergency. Call 911 or go to the nearest emergency room now, and please don't drive yourself.",
  },
  same_day: {
    title: "Please see a doctor today",
    body: "What you describe needs a doctor today, not a massage. Call your doctor now; if no one can see you today, go to urgent care or an emergency room. If you get chest pain or sudden shortness of breath, call 911.",
  },
  clearance: {
    title: "Please check with your doctor first",
    body: "Your doctor should tell you that calf massage is safe for you before we book it. Once you have their go-ahead, call us and we'll book you by phone, or we can record it so that you can book online.",
  },
  reschedule: {
    title: "Please come when you're well",
    body: "We can't see you while you have a fever or feel unwell. Book again once you feel well (48 hours without a fever).",
  },
  caution: {
    title: "You can book",
    body: "Your therapist will check the points below before starting and adapt the massage to them.",
  },
};

/** The note a cleared question carries instead of its stop. */
export const CLEARANCE_ON_FILE = "Doctor's go-ahead on file";

const LYMPHATIC_OR_RAISED_LEGS =
  "Ask your doctor first with heart failure or kidney or liver disease: this treatment moves fluid toward the heart or ends with your legs raised.";

/**
 * The per-service classification, by service slug: true for a treatment that moves fluid toward the
 * heart or ends with the legs raised (heart failure, kidney or liver disease then needs a doctor's
 * go-ahead first), false for one that does neither (a caution). How a new service is classified:
 * add its slug here with true or false before it goes on sale (read its description: strokes toward
 * the heart, lymphatic drainage or legs raised at the end mean true). tests/unit/questionnaire-services.test.ts
 * fails for a service in lib/dev/demo/services.ts that is missing here, so no slug falls through unseen.
 */
export const SERVICE_MOVES_FLUID_TOWARD_HEART: Readonly<Record<string, boolean>> = {
  "calf-reset-30": false,
  "second-heart-massage-60": true,
  "lymphatic-drainage-legs": true,
  "sports-recovery-calves": false,
  "long-haul-legs": false,
};

/** Whether a service slug is known to the per-service rules above. */
export const isClassifiedService = (slug: string) => Object.hasOwn(SERVICE_MOVES_FLUID_TOWARD_HEART, slug);

export const QUESTIONNAIRE_V2: Questionnaire = {
  version: 2,
  questions: [
    {
      id: "chestPainOrBreathlessness",
      text: "Do you have chest pain or sudden shortness of breath, or have you coughed up blood?",
      outcomes: { yes: "emergency", no: "none" },
      advice: "Call 911 for chest pain, sudden shortness of breath or coughing up blood.",
      sign: "chest pain, sudden shortness of breath, or coughing up blood",
    },
    {
      id: "coldPaleFoot",
      text: "Has a foot or leg suddenly turned cold, pale or blue, and painful or numb?",
      outcomes: { yes: "emergency", no: "none" },
      advice: "Call 911 if a foot or leg suddenly turns cold, pale or blue, and painful or numb.",
      sign: "a foot or leg gone suddenly cold, pale or blue, and painful or numb",
    },
    {
      id: "suddenPainOrSwelling",
      text: "Do you have new pain, swelling, warmth or redness in one calf or leg, without a knock you know of?",
      outcomes: { yes: "same_day", no: "none" },
      advice: "Get medical care today, not a massage, for new pain, swelling, warmth or redness in one calf or leg.",
      sign: "new pain, swelling, warmth or redness in one calf or leg",
    },
    {
      id: "restPainOrSores",
      text: "Do you have leg or foot pain at rest or at night (not a cramp that passes within minutes), or a sore on your foot or leg that hasn't healed in 2 weeks?",
      help: "An ordinary cramp that passes within minutes is not this: tell your therapist about cramps instead.",
      outcomes: { yes: "same_day", no: "none" },
      advice:
        "See a doctor today for leg or foot pain at rest or at night that is not a passing cramp, or a sore that hasn't healed in 2 weeks.",
      sign: "leg or foot pain at rest or at night that is not a passing cramp, or a sore that hasn't healed in 2 weeks",
    },
    {
      id: "walkingPain",
      text: "Does your calf hurt when you walk, and ease within a few minutes of rest?",
      help: "Your doctor can check the blood flow to your legs first.",
      outcomes: { yes: "clearance", no: "none" },
      advice:
        "Ask your doctor first if your calf hurts when you walk and eases within minutes of rest; then call us to book.",
    },
    {
      id: "clotHistory",
      text: "Have you ever had a blood clot in a leg or a lung (DVT or PE)?",
      outcomes: { yes: "caution", no: "none" },
      caution: "Past blood clot: your therapist keeps the pressure light and asks how you are now.",
      advice: "Tell your therapist about a past blood clot in a leg or lung: we keep the pressure light.",
      followUps: [
        {
          id: "clotRecent",
          text: "Was it in the last 6 months, or are you still being treated for it?",
          outcomes: { yes: "clearance", no: "none" },
          advice: "Ask your doctor first if that clot was in the last 6 months or is still being treated.",
        },
      ],
    },
    {
      id: "bloodThinnerOrBleeding",
      text: "Do you take a blood thinner, or have a bleeding disorder or bruise very easily?",
      outcomes: { yes: "caution", no: "none" },
      caution: "Blood thinner or easy bleeding: your therapist keeps the pressure light.",
      advice: "Mention a blood thinner, a bleeding disorder or easy bruising: we keep the pressure light.",
    },
    {
      id: "recentSurgeryOrImmobility",
      text: "In the last 12 weeks, have you had surgery, a hospital stay, a cast, or days of bed rest?",
      outcomes: { yes: "clearance", no: "none" },
      advice: "Ask your doctor first after surgery, a hospital stay, a cast or days of bed rest in the last 12 weeks.",
    },
    {
      id: "recentVeinProcedure",
      text: "In the last 12 weeks, have you had a vein treatment (ablation, sclerotherapy or vein surgery)?",
      outcomes: { yes: "clearance", no: "none" },
      advice: "Ask your doctor first after a vein treatment (ablation, sclerotherapy or surgery) in the last 12 weeks.",
    },
    {
      id: "pregnantOrPostpartum",
      text: "Are you pregnant, or did you give birth in the last 12 weeks?",
      outcomes: { yes: "caution", no: "none" },
      caution: "Pregnancy: your therapist positions you on your side and keeps the pressure light.",
      advice: "Tell your therapist if you are pregnant: we position you on your side and keep the pressure light.",
      followUps: [
        {
          id: "gaveBirthRecently",
          text: "Did you give birth in the last 12 weeks?",
          outcomes: { yes: "clearance", no: "none" },
          advice: "Ask your doctor or midwife first if you gave birth in the last 12 weeks.",
        },
      ],
    },
    {
      id: "cancer",
      text: "Do you have active cancer, or have you had cancer treatment in the last 6 months?",
      outcomes: { yes: "clearance", no: "none" },
      advice: "Ask your doctor first with active cancer, or cancer treatment in the last 6 months.",
    },
    {
      id: "heartKidneyLiver",
      text: "Do you have heart failure, or kidney or liver disease?",
      outcomes: { yes: "caution", no: "none" },
      caution: "Heart, kidney or liver disease: your therapist checks for swelling and keeps the legs level.",
      advice: "Mention heart failure or kidney or liver disease before we start.",
      services: Object.fromEntries(
        Object.entries(SERVICE_MOVES_FLUID_TOWARD_HEART)
          .filter(([, movesFluid]) => movesFluid)
          .map(([slug]) => [slug, { yes: "clearance" as const, advice: LYMPHATIC_OR_RAISED_LEGS }]),
      ),
    },
    {
      id: "diabetesNumbFeet",
      text: "Do you have diabetes with numb or tingling feet?",
      outcomes: { yes: "caution", no: "none" },
      caution: "Diabetes with numb feet: your therapist keeps the pressure light and checks the skin.",
      advice: "Mention diabetes with numb or tingling feet: we keep the pressure light and check your skin.",
    },
    {
      id: "skinCondition",
      text: "Do you have a rash, wound or other skin condition on your lower legs?",
      outcomes: { yes: "caution", no: "none" },
      caution: "Skin condition: your therapist checks the skin first and works around it.",
      advice: "Point out a rash, wound or other skin condition on your lower legs: we work around it.",
      followUps: [
        {
          id: "skinInfection",
          text: "Is the skin hot, red and spreading, or is there pus or a fever with it?",
          help: "A skin infection (cellulitis) needs a doctor today, and it can look like a clot.",
          outcomes: { yes: "same_day", no: "none" },
          advice:
            "See a doctor today for leg skin that is hot, red and spreading, or pus or a fever with a rash or wound.",
          sign: "a rash or wound on the leg that turns hot, red and spreading, or comes with pus or a fever",
        },
      ],
    },
    {
      id: "varicoseVeins",
      text: "Do you have varicose veins?",
      outcomes: { yes: "caution", no: "none" },
      caution: "Varicose veins: your therapist looks at the legs first and never presses on them.",
      advice: "Point out varicose veins: we never press on them.",
      followUps: [
        {
          id: "veinHardPainful",
          text: "Is any vein hard, painful, red or warm?",
          outcomes: { yes: "same_day", no: "none" },
          advice: "See a doctor today for a vein that is hard, painful, red or warm.",
          sign: "a vein that has become hard, painful, red or warm",
        },
      ],
    },
    {
      id: "recentInjury",
      text: "In the last 6 weeks, have you injured a calf, ankle or Achilles, or bruised a calf in a knock or a race?",
      outcomes: { yes: "caution", no: "none" },
      caution: "Recent injury or bruise: your therapist asks about it and avoids the area.",
      advice: "Tell your therapist about a calf, ankle or Achilles injury or a bruise from a knock: we work around it.",
      followUps: [
        {
          id: "injuryPopOrCantStand",
          text: "Did you feel a pop or a kick in the calf, or can you not stand on tiptoe on that leg?",
          outcomes: { yes: "same_day", no: "none" },
          advice: "See a doctor today after a pop or kick in the calf, or if you can't stand on tiptoe on that leg.",
          sign: "a sudden pop or kick felt in the calf, or being unable to rise onto tiptoe on that leg",
        },
      ],
    },
    {
      id: "recentLongTrip",
      text: "In the last 4 weeks, have you had a trip of 4 hours or more (plane, car, train or bus)?",
      help: "Mild swelling in both ankles that goes down overnight or with walking is common after travel.",
      outcomes: { yes: "caution", no: "none" },
      caution: "Recent long trip: your therapist asks about swelling in one leg before starting.",
      advice:
        "Mention a trip of 4 hours or more in the last 4 weeks: mild swelling in both ankles that goes down overnight is common.",
    },
    {
      id: "feverOrUnwell",
      text: "Do you have a fever, or feel unwell (flu, a stomach bug) right now?",
      outcomes: { yes: "reschedule", no: "none" },
      advice: "Wait until you're well: book again after 48 hours without a fever.",
    },
  ],
};

// The first edition, kept so that its answers stay readable with the questions as they were asked.
// Its red flags stopped the booking; its history items were cautions.
export const QUESTIONNAIRE_V1: Questionnaire = {
  version: 1,
  questions: [
    [
      "chestPainOrBreathlessness",
      "Do you have chest pain, sudden shortness of breath, or have you coughed up blood?",
      "emergency",
    ],
    [
      "suddenPainOrSwelling",
      "Do you have sudden or one-sided pain, swelling or tenderness in a calf or leg?",
      "same_day",
    ],
    ["warmthOrRedness", "Is the skin of either calf warm, red or darker than the other leg?", "same_day"],
    [
      "recentSurgeryOrImmobility",
      "In the last 12 weeks, have you had surgery, a hospital stay, a cast, or days of bed rest or very limited movement?",
      "clearance",
    ],
    [
      "clotHistoryOrBloodThinners",
      "Have you ever had a blood clot, or do you take a blood thinner (anticoagulant)?",
      "clearance",
    ],
    ["pregnant", "Are you pregnant, or did you give birth in the last 6 weeks?", "caution"],
    ["varicoseVeins", "Do you have varicose veins?", "caution"],
    ["recentInjury", "Have you injured a calf, ankle or Achilles in the last 6 weeks?", "caution"],
    ["skinCondition", "Do you have a rash, wound, infection or other skin condition on your lower legs?", "caution"],
  ].map(([id, text, yes]) => ({
    id: id as string,
    text: text as string,
    outcomes: { yes: yes as Outcome, no: "none" as const },
    ...(yes === "caution" ? { caution: text as string } : {}),
    advice: text as string,
  })),
};

export const QUESTIONNAIRES: Record<number, Questionnaire> = { 1: QUESTIONNAIRE_V1, 2: QUESTIONNAIRE_V2 };
export const CURRENT_QUESTIONNAIRE = QUESTIONNAIRE_V2;

export type Answers = Readonly<Record<string, boolean | undefined>>;

/** Every question and follow-up of a version, in the order asked, each with its parent if any. */
export function allQuestions(questionnaire: Questionnaire = CURRENT_QUESTIONNAIRE): (Question | FollowUp)[] {
  return questionnaire.questions.flatMap((question) => [question, ...(question.followUps ?? [])]);
}

export function questionText(id: string, questionnaire: Questionnaire = CURRENT_QUESTIONNAIRE): string | undefined {
  return allQuestions(questionnaire).find((question) => question.id === id)?.text;
}

/** The ids a complete answer set holds: every question, and each follow-up whose question is yes. */
export function askedQuestionIds(answers: Answers, questionnaire: Questionnaire = CURRENT_QUESTIONNAIRE): string[] {
  return questionnaire.questions.flatMap((question) => [
    question.id,
    ...(answers[question.id] === true ? (question.followUps ?? []).map((followUp) => followUp.id) : []),
  ]);
}

/** Every question answered "no": the starting point of tests, the bench and the demo data. */
export function allNoAnswers(questionnaire: Questionnaire = CURRENT_QUESTIONNAIRE): Record<string, boolean> {
  return Object.fromEntries(questionnaire.questions.map((question) => [question.id, false]));
}

export interface ScreenOptions {
  serviceSlug?: string;
  /** Questions whose clearance a doctor has given (staff recorded it): they become cautions. */
  clearedQuestionIds?: ReadonlySet<string> | readonly string[];
  questionnaire?: Questionnaire;
}

export interface Screening {
  /** The worst outcome among the answers; "none" when every answer is no. */
  outcome: Outcome | "none";
  /** True when the online booking stops (anything worse than a caution). */
  stops: boolean;
  /** The questions whose answer gave the worst outcome. */
  triggers: string[];
  /** What the therapist checks, for every answer that lets the booking go on with care. */
  cautions: { questionId: string; note: string }[];
  /** What the client reads; null when there is nothing to say. */
  message: OutcomeMessage | null;
}

const rank = (outcome: Outcome) => OUTCOMES.indexOf(outcome);

/** The outcome of one answer to one question, for one service. */
export function outcomeOf(question: Question | FollowUp, answer: boolean, serviceSlug?: string): Outcome | "none" {
  if (!answer) return question.outcomes.no;
  const override = "services" in question && serviceSlug ? question.services?.[serviceSlug] : undefined;
  return override?.yes ?? question.outcomes.yes;
}

/** Screens a set of answers: unanswered questions count as "no"; follow-ups count only after a yes. */
export function screen(answers: Answers, options: ScreenOptions = {}): Screening {
  const questionnaire = options.questionnaire ?? CURRENT_QUESTIONNAIRE;
  const cleared = new Set(options.clearedQuestionIds ?? []);
  const results: { id: string; outcome: Outcome; note?: string }[] = [];
  const consider = (question: Question | FollowUp, note?: string) => {
    const answer = answers[question.id] === true;
    let outcome = outcomeOf(question, answer, options.serviceSlug);
    if (outcome === "none") return;
    let cautionNote = note;
    if (outcome === "clearance" && cleared.has(question.id)) {
      outcome = "caution";
      cautionNote = `${CLEARANCE_ON_FILE}: ${question.text}`;
    }
    results.push({ id: question.id, outcome, note: cautionNote ?? question.text });
  };
  for (const question of questionnaire.questions) {
    consider(question, question.caution);
    if (answers[question.id] === true) for (const followUp of question.followUps ?? []) consider(followUp);
  }
  if (results.length === 0) return { outcome: "none", stops: false, triggers: [], cautions: [], message: null };
  const worst = results.reduce(
    (best, result) => (rank(result.outcome) < rank(best) ? result.outcome : best),
    "caution" as Outcome,
  );
  return {
    outcome: worst,
    stops: worst !== "caution",
    triggers: results.filter((result) => result.outcome === worst).map((result) => result.id),
    cautions: results
      .filter((result) => result.outcome === "caution")
      .map((result) => ({ questionId: result.id, note: result.note ?? "" })),
    message: OUTCOME_MESSAGES[worst],
  };
}

/**
 * Field errors of an answer set against a version: unknown ids (`__proto__` too), missing answers,
 * wrong types, and a follow-up answered yes while its question is not yes (never silently dropped).
 * The errors object has no prototype, so an id such as `__proto__` is a key like any other.
 */
export function answerErrors(
  answers: Readonly<Record<string, unknown>>,
  questionnaire: Questionnaire = CURRENT_QUESTIONNAIRE,
): Record<string, string> {
  const errors: Record<string, string> = Object.create(null) as Record<string, string>;
  const known = new Set(allQuestions(questionnaire).map((question) => question.id));
  const parentOf = new Map(
    questionnaire.questions.flatMap((question) => (question.followUps ?? []).map((f) => [f.id, question] as const)),
  );
  for (const id of Object.keys(answers)) {
    const value = answers[id];
    if (!known.has(id)) errors[id] = "This is not one of the questions.";
    else if (value !== undefined && typeof value !== "boolean") errors[id] = "Answer yes (true) or no (false).";
    else if (value === true && parentOf.has(id) && answers[parentOf.get(id)!.id] !== true) {
      errors[id] = `Answer this only after yes to: ${parentOf.get(id)!.text}`;
    }
  }
  const asked = askedQuestionIds(answers as Answers, questionnaire);
  for (const id of asked) {
    if (answers[id] === undefined && !errors[id]) errors[id] = `Answer yes or no: ${questionText(id, questionnaire)}`;
  }
  return errors;
}

/**
 * The answers kept: the asked questions only (a follow-up "no" after a "no" is dropped; a follow-up
 * "yes" after a "no" is an error of answerErrors, which every input checks first).
 */
export function keptAnswers(
  answers: Answers,
  questionnaire: Questionnaire = CURRENT_QUESTIONNAIRE,
): Record<string, boolean> {
  return Object.fromEntries(
    askedQuestionIds(answers, questionnaire)
      .filter((id) => typeof answers[id] === "boolean")
      .map((id) => [id, answers[id] as boolean]),
  );
}

const NEEDS_CARE_NOW: readonly Outcome[] = ["emergency", "same_day"];

/**
 * Whether a question can send the client to 911 or a doctor today: by its own answer, a service's
 * rule, or one of its follow-ups. These are asked first (the booking page's and the phone form's
 * first section), so no calmer stop is ever shown before they are answered.
 */
export function canNeedCareNow(question: Question): boolean {
  return [
    question.outcomes.yes,
    ...Object.values(question.services ?? {}).map((rule) => rule.yes),
    ...(question.followUps ?? []).map((followUp) => followUp.outcomes.yes),
  ].some((outcome) => NEEDS_CARE_NOW.includes(outcome));
}

/** The questions in the order asked: those that can need care now first, then the health history. */
export function questionSections(questionnaire: Questionnaire = CURRENT_QUESTIONNAIRE): {
  urgent: Question[];
  history: Question[];
} {
  return {
    urgent: questionnaire.questions.filter(canNeedCareNow),
    history: questionnaire.questions.filter((question) => !canNeedCareNow(question)),
  };
}

/**
 * The stop to show while a client answers: 911 or a doctor today at once; a doctor's go-ahead or
 * "come when you're well" only once every question (and follow-up) is answered, so that a later
 * answer needing care today is never hidden behind a calmer message (the worst outcome then wins).
 */
export function stopToShow(
  answers: Answers,
  options: ScreenOptions = {},
): (Screening & { outcome: StopOutcome }) | null {
  const screening = screen(answers, options);
  if (!screening.stops) return null;
  const outcome = screening.outcome as StopOutcome;
  if (NEEDS_CARE_NOW.includes(outcome)) return { ...screening, outcome };
  const questionnaire = options.questionnaire ?? CURRENT_QUESTIONNAIRE;
  const allAnswered = askedQuestionIds(answers, questionnaire).every((id) => typeof answers[id] === "boolean");
  return allAnswered ? { ...screening, outcome } : null;
}

export type SafetyGroupKey = "now" | "doctor" | "tell" | "cannot";

/** The every-treatment safety items, grouped by what the visitor must do; per service where it matters. */
export function safetyItems(serviceSlug?: string, questionnaire: Questionnaire = CURRENT_QUESTIONNAIRE) {
  const items: { key: SafetyGroupKey; text: string; questionId: string }[] = [];
  const groupOf: Record<Outcome, SafetyGroupKey> = {
    emergency: "now",
    same_day: "now",
    clearance: "doctor",
    reschedule: "cannot",
    caution: "tell",
  };
  for (const question of allQuestions(questionnaire)) {
    const override = "services" in question && serviceSlug ? question.services?.[serviceSlug] : undefined;
    const outcome = override?.yes ?? question.outcomes.yes;
    items.push({ key: groupOf[outcome], text: override?.advice ?? question.advice, questionId: question.id });
  }
  return items;
}

/** The signs the red-flag box lists: 911 now, and a doctor today. */
export function redFlagSigns(questionnaire: Questionnaire = CURRENT_QUESTIONNAIRE): {
  emergency: string[];
  sameDay: string[];
} {
  const signs = allQuestions(questionnaire).filter((question) => question.sign);
  return {
    emergency: signs.filter((question) => question.outcomes.yes === "emergency").map((question) => question.sign!),
    sameDay: signs.filter((question) => question.outcomes.yes === "same_day").map((question) => question.sign!),
  };
}
