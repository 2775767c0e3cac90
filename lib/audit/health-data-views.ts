// The audit actions that record a staff member looking at a client's health data (intake answers,
// treatment notes, calf records). Each is written when the data is shown, never when it is merely
// listed; the client's account reads these entries to show who viewed their health data and when.
// entityType "Booking" (entityId = the booking) or "User" (entityId = the client).
export const HEALTH_DATA_VIEW_ACTIONS = {
  intake: "booking.intake_viewed",
  treatmentNote: "booking.treatment_note_viewed",
  clientRecords: "client.health_records_viewed",
} as const;

export type HealthDataViewAction = (typeof HEALTH_DATA_VIEW_ACTIONS)[keyof typeof HEALTH_DATA_VIEW_ACTIONS];

export const HEALTH_DATA_VIEW_ACTION_LIST: readonly HealthDataViewAction[] = Object.values(HEALTH_DATA_VIEW_ACTIONS);
