BEGIN
  NEW.updated_at := clock_timestamp();   
  RETURN NEW;
END;

