package c3p0;

/** An object the registry knows by its identity token. */
interface IdentityTokenized {
  String getIdentityToken();
}
