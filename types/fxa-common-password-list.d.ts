declare module "fxa-common-password-list" {
  const commonPasswordList: { test(password: string): boolean };
  export default commonPasswordList;
}
