package vn.lienthong.validation;

import vn.lienthong.edxml.Envelope;

/** One family of checks over a read envelope; reports every problem it finds into the context. */
interface Rule {

    void check(Envelope envelope, RuleContext context);
}
