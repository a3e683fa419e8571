package io.imagecontains.mturk;

/**
 * The HTML page of a HIT, with placeholders that {@link HitQuestion} fills with encoded values.
 *
 * <p>The label stands alone in the element {@code id="label"} so that a worker source (the
 * workforce simulator) can read it back from the page.
 *
 * <p>The script copies {@code assignmentId} from the query string into the form, as MTurk requires,
 * and keeps the form disabled in preview ({@code ASSIGNMENT_ID_NOT_AVAILABLE}), when a worker has
 * not accepted the HIT yet. No value from a client ever reaches the script.
 */
final class HitPage {

  static final String TEMPLATE =
      """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>{question}</title>
      <style>
        body { font-family: sans-serif; margin: 1em; }
        img { max-width: 100%; max-height: 420px; display: block; margin: 1em 0; }
        label { font-size: 1.2em; margin-right: 2em; }
      </style>
      </head>
      <body>
      <form name="mturk_form" id="mturk_form" method="post" action="{submitUrl}">
        <input type="hidden" name="assignmentId" id="assignmentId" value="">
        <h1>Does this image contain: <span id="label">{label}</span>?</h1>
        <img src="{imageUrl}" alt="The image to judge">
        <p>
          <label><input type="radio" name="{field}" value="yes" required> Yes</label>
          <label><input type="radio" name="{field}" value="no" required> No</label>
        </p>
        <p><input type="submit" id="submitButton" value="Submit" disabled></p>
        <p id="preview" hidden>Accept the HIT to answer.</p>
      </form>
      <script>
        (function () {
          var id = new URLSearchParams(window.location.search).get("assignmentId") || "";
          document.getElementById("assignmentId").value = id;
          var preview = id === "" || id === "ASSIGNMENT_ID_NOT_AVAILABLE";
          document.getElementById("submitButton").disabled = preview;
          document.getElementById("preview").hidden = !preview;
        })();
      </script>
      </body>
      </html>
      """;

  private HitPage() {}
}
