import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; email?: string | null; name?: string | null; image?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The server-side session id (a Session row's token): in the encrypted cookie only, never sent to the page. */
    sid?: string;
  }
}
