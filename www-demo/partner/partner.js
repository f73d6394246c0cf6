// The fake partner's page script. It loads the widget (one module) and hands it a Cegos client.
//
// TOKEN STAND-IN — read this before copying: a real partner never puts OAuth credentials in a
// page. It runs a token proxy on its own server (POST → { "access_token": "…" }) and writes
// <formakit-catalog token-url="/your/token/proxy">. The sandbox has no such proxy route and static
// files cannot answer a POST, so this demo plays the proxy in the page with the sandbox's PUBLIC
// test credentials (client_id "sandbox", client_secret "sandbox-secret", see sandbox/README.md).
// They open nothing but the local sandbox.
import { CegosClient } from "/pkg/web/cegos/index.js";
import "/pkg/widget/formakit-catalog.js";

async function sandboxTokenStandIn() {
  const body = new URLSearchParams({ grant_type: "client_credentials", client_id: "sandbox", client_secret: "sandbox-secret", scope: "api-cegos" });
  const res = await fetch("/cegos/connect/token", { method: "POST", body });
  if (!res.ok) throw new Error(`token: HTTP ${res.status}`);
  return (await res.json()).access_token;
}

const base = new URL("/cegos", location.href).href;
for (const el of document.querySelectorAll("formakit-catalog:not([token-url])")) {
  el.client = new CegosClient({ baseUrl: base, authBaseUrl: base, getToken: sandboxTokenStandIn, lang: el.getAttribute("lang") || "fr" });
}
for (const b of document.querySelectorAll("[data-lang]")) {
  b.addEventListener("click", () => {
    const el = document.querySelector("formakit-catalog");
    el.setAttribute("lang", b.dataset.lang);
    document.documentElement.lang = b.dataset.lang;
  });
}
