package lab;

public enum Mood { CALM, BUSY }
