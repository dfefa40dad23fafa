import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** users.session_generation when the token was issued. */
    gen?: number;
    /** Sign-in time, seconds since the epoch: the absolute lifetime counts from here. */
    auth?: number;
  }
}
