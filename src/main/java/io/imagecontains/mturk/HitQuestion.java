package io.imagecontains.mturk;

/** TEMPORARY stand-in until the pure branch's HitQuestion is merged. */
public final class HitQuestion {
  private HitQuestion() {}

  public static String xml(String url, String label, String submitUrl, int frameHeight) {
    return "<HTMLQuestion xmlns=\"http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/2011-11-11/HTMLQuestion.xsd\"><HTMLContent><![CDATA[<img src=\"x\"><b id=\"label\">x</b>]]></HTMLContent><FrameHeight>"
        + frameHeight
        + "</FrameHeight></HTMLQuestion>";
  }
}
