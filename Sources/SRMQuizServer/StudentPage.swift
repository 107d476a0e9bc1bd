import Foundation
import HTTPTypes
import Hummingbird

/// The student page, compiled into the binary: no files to find at run time, no CDN, no build step.
///
/// Every text from the server is set with `textContent` (never parsed as HTML), and the
/// Content-Security-Policy allows only this origin's script and style.
enum StudentPage {
    /// A response with `body`, its type, and headers that forbid anything but this origin.
    static func response(_ body: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentSecurityPolicy] = "default-src 'self'"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>srmquiz class</title>
        <link rel="stylesheet" href="/app.css">
        <script src="/app.js" defer></script>
        </head>
        <body>
        <main>
        <h1>srmquiz class</h1>
        <p id="status" role="status"></p>
        <form id="join" hidden>
          <label>Join code <input name="pin" inputmode="numeric" autocomplete="off" maxlength="12" required></label>
          <label>Your name <input name="name" maxlength="30" autocomplete="nickname" required></label>
          <button type="submit">Join</button>
          <p id="join-error" class="error" role="alert"></p>
        </form>
        <section id="lobby" hidden>
          <p>You are in as <strong id="me"></strong>. Waiting for the instructor to start…</p>
          <p id="lobby-count"></p>
        </section>
        <section id="question" hidden>
          <p class="meta"><span id="q-number"></span> <span id="countdown" class="countdown"></span></p>
          <h2 id="prompt"></h2>
          <p id="pick" class="meta"></p>
          <div id="choices" class="choices"></div>
          <button id="send" type="button" data-action="send" hidden>Send answer</button>
          <p id="received" class="meta"></p>
        </section>
        <section id="results" hidden>
          <p id="feedback" class="feedback" data-state=""></p>
          <p id="right-answer"></p>
          <p id="explanation"></p>
          <p id="source" class="meta"></p>
          <p id="score"></p>
          <ol id="top"></ol>
        </section>
        <section id="finished" hidden>
          <h2>Final results</h2>
          <p id="final"></p>
          <ol id="podium"></ol>
        </section>
        </main>
        </body>
        </html>

        """

    static let style = """
        * { box-sizing: border-box; }
        body { margin: 0; font: 18px/1.4 system-ui, sans-serif; background: #f4f6f8; color: #111; }
        main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.2rem; color: #555; }
        h2 { font-size: 1.3rem; }
        label { display: block; margin: .6rem 0; }
        input { display: block; width: 100%; font-size: 1.2rem; padding: .6rem; margin-top: .2rem; }
        button { font-size: 1.1rem; padding: .8rem 1rem; border-radius: .5rem; border: 0;
          background: #232f3e; color: #fff; cursor: pointer; }
        .choices { display: grid; gap: .6rem; }
        .choices button { display: block; width: 100%; min-height: 3.2rem; text-align: left;
          background: #fff; color: #111; border: 2px solid #232f3e; }
        .choices button[aria-pressed="true"] { background: #ff9900; }
        .choices button:disabled { opacity: .6; }
        #send { margin-top: .8rem; width: 100%; }
        .meta { color: #555; }
        .countdown { float: right; font-weight: bold; font-variant-numeric: tabular-nums; }
        .error { color: #b00020; }
        .feedback { font-size: 1.5rem; font-weight: bold; }
        .feedback[data-state="right"] { color: #1b7f3b; }
        .feedback[data-state="wrong"], .feedback[data-state="late"] { color: #b00020; }

        """

    static let script = """
        "use strict";
        (function () {
          var $ = function (id) { return document.getElementById(id); };
          var sections = ["join", "lobby", "question", "results", "finished"];
          var ws = null, token = sessionStorage.getItem("srmquiz-token"), question = null;
          var deadline = 0, ended = false, retries = 0, selected = [], answered = false;

          function show(name) {
            sections.forEach(function (s) { $(s).hidden = s !== name; });
          }
          function status(text) { $("status").textContent = text; }
          function clear(el) { while (el.firstChild) { el.removeChild(el.firstChild); } }
          function item(list, text) {
            var li = document.createElement("li"); li.textContent = text; list.appendChild(li);
          }
          function letter(i) { return String.fromCharCode(97 + i); }
          function send(msg) { if (ws && ws.readyState === 1) { ws.send(JSON.stringify(msg)); } }

          function connect(first) {
            var scheme = location.protocol === "https:" ? "wss://" : "ws://";
            ws = new WebSocket(scheme + location.host + "/ws");
            ws.onopen = function () {
              retries = 0;
              if (token) { send({ type: "rejoin", token: token }); status("Reconnected."); }
              else if (first) { show("join"); status("Enter the join code and your name."); }
              if (pending) { send(pending); pending = null; }
            };
            ws.onmessage = function (event) {
              var msg;
              try { msg = JSON.parse(event.data); } catch (e) { return; }
              handle(msg);
            };
            ws.onclose = function (event) {
              ws = null;
              if (ended) { return; }
              if (event.code === 4001 || event.code === 4002 || event.code === 1008 || event.code === 1009) {
                ended = true; status("Disconnected: " + (event.reason || event.code)); return;
              }
              if (retries >= 30) { status("The class is not reachable any more."); return; }
              retries += 1;
              status("Connection lost; reconnecting…");
              setTimeout(function () { connect(false); }, 1000);
            };
          }
          var pending = null;

          function handle(msg) {
            switch (msg.type) {
              case "welcome":
                token = msg.token; sessionStorage.setItem("srmquiz-token", token);
                $("me").textContent = msg.name; show("lobby"); status("");
                break;
              case "lobby":
                $("lobby-count").textContent = msg.players + (msg.players === 1 ? " player" : " players") + " joined.";
                break;
              case "question": showQuestion(msg); break;
              case "ack":
                if (question && msg.question === question.question) {
                  answered = true;
                  $("received").textContent = "Answer received.";
                  lock();
                }
                break;
              case "paused": deadline = 0; $("countdown").textContent = "paused"; break;
              case "resumed": deadline = Date.now() + msg.remaining * 1000; break;
              case "results": showResults(msg); break;
              case "finished": showFinished(msg); break;
              case "error": showError(msg); break;
            }
          }

          function showError(msg) {
            if (msg.code === "unknown-token" || msg.code === "removed") {
              token = null; sessionStorage.removeItem("srmquiz-token");
              if (msg.code === "removed") { ended = true; status(msg.message); show("finished"); return; }
              show("join");
            }
            if (!$("join").hidden) {
              $("join-error").textContent = msg.message;
              $("join").querySelector("button").disabled = false;
            } else {
              $("received").textContent = msg.message;
            }
          }

          function lock() {
            Array.prototype.forEach.call($("choices").children, function (b) { b.disabled = true; });
            $("send").hidden = true;
          }

          function showQuestion(msg) {
            question = msg; answered = false; selected = [];
            $("q-number").textContent = "Question " + msg.question + " of " + msg.total;
            $("prompt").textContent = msg.prompt;
            $("pick").textContent = msg.pick > 1 ? "Choose " + msg.pick + "." : "";
            $("received").textContent = "";
            var box = $("choices"); clear(box);
            msg.choices.forEach(function (text, i) {
              var b = document.createElement("button");
              b.type = "button"; b.dataset.choice = letter(i);
              b.setAttribute("aria-pressed", "false");
              b.textContent = letter(i).toUpperCase() + ". " + text;
              b.addEventListener("click", function () { choose(letter(i), b); });
              box.appendChild(b);
            });
            $("send").hidden = msg.pick <= 1; $("send").disabled = true;
            deadline = Date.now() + msg.remaining * 1000;
            show("question");
            tick();
          }

          function choose(l, button) {
            if (answered || !question) { return; }
            if (question.pick <= 1) {
              button.setAttribute("aria-pressed", "true");
              submit([l]);
              return;
            }
            var at = selected.indexOf(l);
            if (at >= 0) { selected.splice(at, 1); } else { selected.push(l); }
            button.setAttribute("aria-pressed", at >= 0 ? "false" : "true");
            $("send").disabled = selected.length === 0;
          }

          function submit(letters) {
            var msg = { type: "answer", question: question.question, choices: letters };
            if (ws && ws.readyState === 1) { send(msg); } else { pending = msg; }
            $("received").textContent = "Sending…";
          }

          $("send").addEventListener("click", function () { if (selected.length) { submit(selected.slice()); } });

          function showResults(msg) {
            deadline = 0;
            var words = { right: "Right!", wrong: "Wrong", late: "Too late", none: "No answer" };
            var fb = $("feedback");
            fb.dataset.state = msg.state; fb.textContent = words[msg.state] || msg.state;
            $("right-answer").textContent = "Answer: " + msg.correct.map(function (l) {
              var i = l.charCodeAt(0) - 97; return l.toUpperCase() + ". " + (msg.choices[i] || "");
            }).join("; ");
            $("explanation").textContent = msg.explanation || "";
            $("source").textContent = msg.sources && msg.sources.length ? "Source: " + msg.sources[0] : "";
            $("score").textContent = "+" + (msg.points || 0) + " points · total " + (msg.score || 0) +
              " · rank " + (msg.rank || "-") + " of " + msg.players;
            var top = $("top"); clear(top);
            (msg.top || []).forEach(function (s) { item(top, s.name + " — " + s.score); });
            show("results");
          }

          function showFinished(msg) {
            ended = true; deadline = 0;
            sessionStorage.removeItem("srmquiz-token");
            $("final").textContent = "You finished " + msg.rank + " of " + msg.players + " with " + msg.score + " points.";
            var podium = $("podium"); clear(podium);
            (msg.top || []).forEach(function (s) { item(podium, s.name + " — " + s.score); });
            show("finished"); status("The class has ended.");
          }

          function tick() {
            if (deadline > 0) {
              var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
              $("countdown").textContent = left + " s";
            }
          }
          setInterval(tick, 250);

          $("join").addEventListener("submit", function (event) {
            event.preventDefault();
            var form = $("join");
            $("join-error").textContent = "";
            form.querySelector("button").disabled = true;
            var msg = { type: "join", pin: form.elements.pin.value.trim(), name: form.elements.name.value };
            if (ws && ws.readyState === 1) { send(msg); } else { pending = msg; connect(false); }
          });

          connect(true);
        })();

        """
}
