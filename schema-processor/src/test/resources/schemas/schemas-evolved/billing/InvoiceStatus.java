package billing;

public enum InvoiceStatus { OPEN, PAID }
