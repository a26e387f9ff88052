package org.rollcall;
public final class RollcallMain { public static void main(String[] a) {} }
