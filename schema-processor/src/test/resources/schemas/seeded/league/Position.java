package league;

public enum Position {
  GOALKEEPER,
  DEFENDER,
  FORWARD
}
