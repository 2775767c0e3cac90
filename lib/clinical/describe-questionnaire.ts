// The public description of the current questionnaire (GET /api/screening): each question with its
// outcome per answer, its per-service outcomes and its follow-ups, and the consent to sign with it.
import { CURRENT_CONSENT } from "./consent";
import { CURRENT_QUESTIONNAIRE, type FollowUp, type Outcome, type Question } from "./questionnaire";

interface DescribedFollowUp {
  id: string;
  text: string;
  help?: string;
  outcomes: { yes: Outcome; no: Outcome | "none" };
}

interface DescribedQuestion extends DescribedFollowUp {
  services?: Record<string, { yes: Outcome }>;
  followUps?: DescribedFollowUp[];
}

function describeFollowUp(question: FollowUp | Question): DescribedFollowUp {
  return {
    id: question.id,
    text: question.text,
    ...(question.help ? { help: question.help } : {}),
    outcomes: { ...question.outcomes },
  };
}

export function describeQuestionnaire(): {
  version: number;
  questions: DescribedQuestion[];
  consent: { version: number; text: string };
} {
  return {
    version: CURRENT_QUESTIONNAIRE.version,
    questions: CURRENT_QUESTIONNAIRE.questions.map((question) => ({
      ...describeFollowUp(question),
      ...(question.services
        ? {
            services: Object.fromEntries(
              Object.entries(question.services).map(([slug, override]) => [slug, { yes: override.yes }]),
            ),
          }
        : {}),
      ...(question.followUps ? { followUps: question.followUps.map(describeFollowUp) } : {}),
    })),
    consent: { version: CURRENT_CONSENT.version, text: CURRENT_CONSENT.text },
  };
}
