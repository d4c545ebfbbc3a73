BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
