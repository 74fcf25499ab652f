"""The Mentoring page's parts: the mentee list, one mentee's detail and its editors."""
