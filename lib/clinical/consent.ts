// The consent the client reads before booking. A minimal first version, so that GET /api/screening
// can serve it; the signed, versioned consent flow builds on this module.
export const CURRENT_CONSENT = {
  version: 1,
  text:
    "Calf massage applies pressure to the muscles of your lower legs. It can leave you mildly tender for a day, and rarely it bruises. " +
    "It is not a medical treatment and does not replace a doctor's care. Answer the health questions truthfully and tell your therapist " +
    "if anything changes. You may ask to stop or change the pressure at any time. We keep your answers and your therapist's notes as " +
    "health records; only your therapist and the clinic's staff see them, and you can see who has opened them in your account.",
} as const;
