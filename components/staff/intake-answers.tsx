import type { AnswerChange, StoredIntake } from "@/lib/booking/intake";
import { askedQuestions } from "@/lib/booking/intake";
import type { Screening } from "@/lib/clinical/questionnaire";
import { formatClinicDateTime } from "@/lib/time/clinic-time";

const answerText = (yes: boolean | undefined) => (yes === undefined ? "Not asked" : yes ? "Yes" : "No");

// The client's screening answers as they were asked (their questionnaire version), stops and cautions
// first and marked in words (not only colour), then what changed since the last visit: staff read
// them before the visit. Health data: the page that renders this records the view.
export function IntakeAnswersPanel({
  intake,
  screening,
  changes,
  timeZone,
}: {
  intake: StoredIntake | null;
  screening: Screening | null;
  changes: { visitStartsAt: Date; changes: AnswerChange[] } | null;
  timeZone: string;
}) {
  if (!intake) {
    return <p>No complete health screening is stored for this appointment. Ask the client the questions in person.</p>;
  }
  const asked = askedQuestions(intake);
  const textOf = (id: string) => asked.find((question) => question.id === id)?.text ?? id;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        Questionnaire version {intake.version}
        {intake.version === 1 ? " (the first edition: its questions are shown as they were asked)" : ""}.
      </p>
      {screening?.stops ? (
        <div role="alert" className="rounded-xl border-2 border-alert-700 bg-alert-50 p-4 text-alert-700">
          <p className="font-semibold">Stop: {screening.message?.title}. Do not massage until this is resolved.</p>
          <ul className="mt-2 list-disc pl-5">
            {screening.triggers.map((id) => (
              <li key={id}>{textOf(id)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="font-semibold text-teal-800">No answer stops this booking.</p>
      )}
      {screening && screening.cautions.length > 0 ? (
        <div className="rounded-xl border-2 border-amber-600 bg-amber-50 p-4 text-amber-900">
          <p className="font-semibold">Cautions</p>
          <ul className="mt-2 flex flex-col gap-2">
            {screening.cautions.map((caution) => (
              <li key={caution.questionId}>
                <span className="font-semibold">Caution: {textOf(caution.questionId)}</span>
                <br />
                {caution.note}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {changes ? (
        <div className="rounded-xl bg-teal-50 p-4 text-teal-900" data-testid="intake-changes">
          <p className="font-semibold">
            Changed since the last visit ({formatClinicDateTime(changes.visitStartsAt, timeZone)}):{" "}
            {changes.changes.length === 0 ? "nothing." : ""}
          </p>
          {changes.changes.length > 0 ? (
            <ul className="mt-2 list-disc pl-5">
              {changes.changes.map((change) => (
                <li key={change.id}>
                  {change.text} <span className="font-semibold">{answerText(change.before)}</span> →{" "}
                  <span className="font-semibold">{answerText(change.after)}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[1fr_auto]">
        {asked.map((question) => (
          <div key={question.id} className="contents">
            <dt className={question.followUp ? "pl-5" : ""}>{question.text}</dt>
            <dd className={question.answer ? "font-semibold text-alert-700" : ""}>{answerText(question.answer)}</dd>
          </div>
        ))}
        <div className="contents">
          <dt>Medications</dt>
          <dd>{intake.medications || "None given"}</dd>
        </div>
        <div className="contents">
          <dt>Notes from the client</dt>
          <dd>{intake.notes || "None"}</dd>
        </div>
      </dl>
    </div>
  );
}
