// The client's own health answers, as they gave them when booking: shown only to them (and staff).
import { HISTORY_QUESTIONS, RED_FLAG_QUESTIONS, type IntakeAnswers } from "@/lib/booking/intake";

export function IntakeAnswersList({ intake }: { intake: IntakeAnswers }) {
  const questions = [
    ...(Object.entries(RED_FLAG_QUESTIONS) as [keyof IntakeAnswers, string][]),
    ...(Object.entries(HISTORY_QUESTIONS) as [keyof IntakeAnswers, string][]),
  ];
  return (
    <dl className="divide-y divide-teal-600/10">
      {questions.map(([key, question]) => (
        <div key={key} className="flex flex-wrap justify-between gap-x-4 gap-y-1 py-2">
          <dt>{question}</dt>
          <dd className="font-semibold">{intake[key] ? "Yes" : "No"}</dd>
        </div>
      ))}
      {intake.medications ? (
        <div className="py-2">
          <dt>Medications</dt>
          <dd className="font-semibold whitespace-pre-wrap">{intake.medications}</dd>
        </div>
      ) : null}
      {intake.notes ? (
        <div className="py-2">
          <dt>Notes for your therapist</dt>
          <dd className="font-semibold whitespace-pre-wrap">{intake.notes}</dd>
        </div>
      ) : null}
    </dl>
  );
}
