// The client's own health answers, as they gave them when booking (the questions of that version):
// shown only to them (and staff).
import { askedQuestions, type StoredIntake } from "@/lib/booking/intake";

export function IntakeAnswersList({ intake }: { intake: StoredIntake }) {
  return (
    <dl className="divide-y divide-teal-600/10">
      {askedQuestions(intake).map((question) => (
        <div key={question.id} className="flex flex-wrap justify-between gap-x-4 gap-y-1 py-2">
          <dt>{question.text}</dt>
          <dd className="font-semibold">{question.answer ? "Yes" : "No"}</dd>
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
