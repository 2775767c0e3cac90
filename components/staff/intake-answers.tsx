import {
  CAUTION_NOTES,
  HISTORY_QUESTIONS,
  RED_FLAG_QUESTIONS,
  type HistoryItem,
  type IntakeAnswers,
  type RedFlag,
} from "@/lib/booking/intake";

const answerText = (yes: boolean) => (yes ? "Yes" : "No");

// The client's screening answers, red flags and cautions first and marked in words (not only colour):
// staff read them before the visit. Health data: the page that renders this records the view.
export function IntakeAnswersPanel({ intake }: { intake: IntakeAnswers | null }) {
  if (!intake) {
    return <p>No complete health screening is stored for this appointment. Ask the client the questions in person.</p>;
  }
  const redFlags = (Object.keys(RED_FLAG_QUESTIONS) as RedFlag[]).filter((flag) => intake[flag]);
  const cautions = (Object.keys(HISTORY_QUESTIONS) as HistoryItem[]).filter((item) => intake[item]);
  return (
    <div className="flex flex-col gap-4">
      {redFlags.length > 0 ? (
        <div role="alert" className="rounded-xl border-2 border-alert-700 bg-alert-50 p-4 text-alert-700">
          <p className="font-semibold">Red flag: do not massage until a doctor has cleared this client.</p>
          <ul className="mt-2 list-disc pl-5">
            {redFlags.map((flag) => (
              <li key={flag}>{RED_FLAG_QUESTIONS[flag]}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="font-semibold text-teal-800">No red flags answered.</p>
      )}
      {cautions.length > 0 ? (
        <div className="rounded-xl border-2 border-amber-600 bg-amber-50 p-4 text-amber-900">
          <p className="font-semibold">Cautions</p>
          <ul className="mt-2 flex flex-col gap-2">
            {cautions.map((item) => (
              <li key={item}>
                <span className="font-semibold">Caution: {HISTORY_QUESTIONS[item]}</span>
                <br />
                {CAUTION_NOTES[item]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[1fr_auto]">
        {[...Object.entries(RED_FLAG_QUESTIONS), ...Object.entries(HISTORY_QUESTIONS)].map(([key, question]) => {
          const yes = intake[key as RedFlag | HistoryItem];
          return (
            <div key={key} className="contents">
              <dt>{question}</dt>
              <dd className={yes ? "font-semibold text-alert-700" : ""}>{answerText(yes)}</dd>
            </div>
          );
        })}
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
