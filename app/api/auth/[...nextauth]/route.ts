// Auth.js endpoints (session, CSRF token, sign-out). Sign-in itself goes through Server Actions.
import { handlers } from "@/lib/auth/auth";

export const { GET, POST } = handlers;
